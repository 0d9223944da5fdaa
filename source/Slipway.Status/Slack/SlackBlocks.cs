using System.Text.Json.Nodes;
using Slipway.Status.Summary;

namespace Slipway.Status.Slack;

/// <summary>Block Kit blocks, built as JSON.</summary>
internal static class SlackBlocks
{
    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(RunSummary.Shorten(text, 150)),
    };

    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = Mrkdwn(RunSummary.Shorten(mrkdwn, SlackText.SectionLimit)),
    };

    public static JsonObject Fields(IEnumerable<string> mrkdwnFields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray(mrkdwnFields.Take(10).Select(field => (JsonNode)Mrkdwn(RunSummary.Shorten(field, 2000))).ToArray()),
    };

    public static JsonObject LinkButton(string label, Uri url, string actionId) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(RunSummary.Shorten(label, 75)),
            ["url"] = url.AbsoluteUri,
            ["action_id"] = actionId,
        }),
    };

    public static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(RunSummary.Shorten(mrkdwn, SlackText.SectionLimit))),
    };

    private static JsonObject PlainText(string text) => new()
    {
        ["type"] = "plain_text",
        ["text"] = text,
        ["emoji"] = true,
    };

    private static JsonObject Mrkdwn(string text) => new()
    {
        ["type"] = "mrkdwn",
        ["text"] = text,
    };
}
