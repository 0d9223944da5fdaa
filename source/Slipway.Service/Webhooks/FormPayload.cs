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

    /// <summary>The JSON to parse: <paramref name="body"/> itself, or the form's <c>payload</c> field.</summary>
    /// <exception cref="JsonException">A form body has no <c>payload</c> field.</exception>
    public static async Task<Stream> JsonOfAsync(string? contentType, Stream body, CancellationToken cancellationToken)
    {
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals(FormType, StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        string form;
        await using (body)
        {
            using var reader = new StreamReader(body, Encoding.ASCII);
            form = await reader.ReadToEndAsync(cancellationToken);
        }

        foreach (var field in form.Split('&'))
        {
            var separator = field.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && field[..separator] == "payload")
            {
                return new MemoryStream(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(field[(separator + 1)..].Replace('+', ' '))));
            }
        }

        throw new JsonException("The form has no payload field.");
    }
}
