using System.Text.Json;

namespace Slipway.Docker.Engine;

/// <summary>Turns the engine's error bodies into one readable sentence.</summary>
internal static class EngineMessage
{
    /// <summary>Reads <c>{"message": "..."}</c> from an error body; falls back to the raw body or the status.</summary>
    public static string FromBody(string body, int statusCode)
    {
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("message", out var message)
                    && message.GetString() is { Length: > 0 } text)
                {
                    return Tidy(text);
                }
            }
            catch (JsonException)
            {
                // Not JSON: older engines and proxies answer in plain text.
            }

            return Tidy(body);
        }

        return $"The Docker engine answered HTTP {statusCode} without a message";
    }

    /// <summary>
    /// Drops the repeated prefix the engine sometimes wraps its errors in ("no such image: x: No such image: x:latest")
    /// and starts the sentence with a capital letter.
    /// </summary>
    public static string Tidy(string message)
    {
        var text = message.Trim();
        var firstColon = text.IndexOf(": ", StringComparison.Ordinal);
        if (firstColon > 0)
        {
            var lead = text[..firstColon];
            var repeat = text.LastIndexOf(lead, StringComparison.OrdinalIgnoreCase);
            if (repeat > firstColon)
            {
                text = text[repeat..];
            }
        }

        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
