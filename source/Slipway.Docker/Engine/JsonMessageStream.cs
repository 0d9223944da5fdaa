using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Slipway.Docker.Engine;

/// <summary>Reads the engine's progress streams (build, push): one JSON object per line, handed out as each arrives.</summary>
internal static class JsonMessageStream
{
    public static async IAsyncEnumerable<JsonElement> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            yield return document.RootElement.Clone();
        }
    }

    /// <summary>The error a message carries (<c>errorDetail.message</c> or <c>error</c>), or null.</summary>
    public static string? Error(JsonElement message) =>
        (message.Property("errorDetail") is { } detail ? detail.String("message") : null) ?? message.String("error");
}
