using System.Text.Json.Nodes;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>A request a loopback endpoint received, kept for assertions.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonObject? Json
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}
