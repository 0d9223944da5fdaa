using System.Text.Json.Nodes;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>A Web API call Slack accepted: the method, its JSON payload and the message ts it answered with.</summary>
public sealed record SlackCall(string Method, JsonObject Payload, string Ts, DateTimeOffset At)
{
    public string? ThreadTs => Payload["thread_ts"]?.GetValue<string>();

    public string Channel => Payload["channel"]!.GetValue<string>();

    /// <summary>The payload's text fallback and every text inside its blocks, joined, for content assertions.</summary>
    public string AllText => string.Join('\n', Texts(Payload));

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Where(pair => pair.Key is not ("channel" or "ts" or "thread_ts")).SelectMany(pair => Texts(pair.Value)),
        JsonArray array => array.SelectMany(Texts),
        JsonValue value when value.TryGetValue(out string? text) => [text],
        _ => [],
    };
}
