using System.Text.Json.Nodes;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>What a loopback endpoint answers.</summary>
public sealed record HttpAnswer(int Status, string Body, string ContentType = "application/json; charset=utf-8")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static HttpAnswer Json(int status, JsonNode body) => new(status, body.ToJsonString());

    public static HttpAnswer Text(int status, string body) => new(status, body, "text/plain; charset=utf-8");

    public static HttpAnswer TooManyRequests(int retryAfterSeconds) =>
        new(429, "", "text/plain") { Headers = new Dictionary<string, string> { ["Retry-After"] = $"{retryAfterSeconds}" } };

    public static HttpAnswer ServerError(int status = 500) => Text(status, "upstream failure");
}
