using System.Text;
using System.Text.Json;

namespace Slipway.Service.Webhooks;

/// <summary>
/// The JSON of a delivery: the body itself, or — when GitHub posts its form content type
/// <c>application/x-www-form-urlencoded</c> — the value of the body's <c>payload</c> field.
/// </summary>
internal static class FormPayload
{
    private const string FormType = "application/x-www-form-urlencoded";

    /// <summary>The JSON bytes to parse.</summary>
    /// <exception cref="JsonException">A form body has no <c>payload</c> field.</exception>
    public static ReadOnlyMemory<byte> JsonOf(string? contentType, byte[] body)
    {
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals(FormType, StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        foreach (var field in Encoding.ASCII.GetString(body).Split('&'))
        {
            var separator = field.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && field[..separator] == "payload")
            {
                return Encoding.UTF8.GetBytes(Uri.UnescapeDataString(field[(separator + 1)..].Replace('+', ' ')));
            }
        }

        throw new JsonException("The form has no payload field.");
    }
}
