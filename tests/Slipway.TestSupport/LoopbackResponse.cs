using System.Text;

namespace Slipway.TestSupport;

/// <summary>The answer a <see cref="LoopbackHttpEndpoint"/> handler gives.</summary>
public sealed record LoopbackResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>A text answer with its content type and any further headers.</summary>
    public static LoopbackResponse Text(int status, string body, string contentType, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        new(status, [new("Content-Type", contentType), .. headers ?? []], Encoding.UTF8.GetBytes(body));
}
