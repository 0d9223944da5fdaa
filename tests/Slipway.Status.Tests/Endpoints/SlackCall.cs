using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>A Web API call Slack accepted: the method, its JSON payload and the message ts it answered with.</summary>
public sealed record SlackCall(string Method, JsonObject Payload, string Ts, DateTimeOffset At)
{
    public string? ThreadTs => Payload["thread_ts"]?.GetValue<string>();

    public string Channel => Payload["channel"]!.GetValue<string>();

    /// <summary>The payload's text fallback and every text inside its blocks, joined, for content assertions.</summary>
    public string AllText => string.Join('\n', Texts(Payload));

    /// <summary>
    /// The mrkdwn links of the blocks as Slack reads them: <c>&lt;url|label&gt;</c>, then <c>&amp;amp;</c>, <c>&amp;lt;</c> and
    /// <c>&amp;gt;</c> turned back into the characters they stand for, in the address and the label alike.
    /// </summary>
    public IReadOnlyList<(string Url, string Label)> Links =>
        Texts(Payload["blocks"]).SelectMany(text => Regex.Matches(text, "<([^<>|]+)\\|([^<>]*)>"))
            .Select(link => (Unescape(link.Groups[1].Value), Unescape(link.Groups[2].Value)))
            .ToList();

    private static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Where(pair => pair.Key is not ("channel" or "ts" or "thread_ts")).SelectMany(pair => Texts(pair.Value)),
        JsonArray array => array.SelectMany(Texts),
        JsonValue value when value.TryGetValue(out string? text) => [text],
        _ => [],
    };
}
