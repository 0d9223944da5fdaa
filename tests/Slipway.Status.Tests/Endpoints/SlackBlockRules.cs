using System.Text.Json.Nodes;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>
/// The Block Kit limits Slack enforces (answering "invalid_blocks"): at most 50 blocks; header plain_text up
/// to 150 characters; section text up to 3000 or up to 10 fields of 2000; actions with up to 25 elements,
/// buttons with plain_text up to 75 and a url up to 3000; context with up to 10 elements.
/// </summary>
public static class SlackBlockRules
{
    public static string? Violation(JsonArray blocks)
    {
        if (blocks.Count > 50)
        {
            return "more than 50 blocks";
        }

        foreach (var block in blocks)
        {
            if (block is not JsonObject item || Text(item["type"]) is not { } type)
            {
                return "a block without a type";
            }

            var problem = type switch
            {
                "header" => TextObject(item["text"], 150, plainOnly: true),
                "section" => Section(item),
                "actions" => Actions(item),
                "context" => Context(item),
                "divider" => null,
                _ => $"unknown block type {type}",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Section(JsonObject section)
    {
        if (section["text"] is null && section["fields"] is null)
        {
            return "a section with neither text nor fields";
        }

        if (section["text"] is { } text && TextObject(text, 3000, plainOnly: false) is { } problem)
        {
            return problem;
        }

        if (section["fields"] is JsonArray fields)
        {
            if (fields.Count > 10)
            {
                return "a section with more than 10 fields";
            }

            return fields.Select(field => TextObject(field, 2000, plainOnly: false)).FirstOrDefault(p => p is not null);
        }

        return null;
    }

    private static string? Actions(JsonObject actions)
    {
        if (actions["elements"] is not JsonArray { Count: > 0 and <= 25 } elements)
        {
            return "actions need 1 to 25 elements";
        }

        foreach (var element in elements.OfType<JsonObject>())
        {
            if (Text(element["type"]) != "button")
            {
                continue;
            }

            if (TextObject(element["text"], 75, plainOnly: true) is { } problem)
            {
                return problem;
            }

            if (element["url"] is not null &&
                (Text(element["url"]) is not { Length: <= 3000 } url || !Uri.IsWellFormedUriString(url, UriKind.Absolute)))
            {
                return "a button url that is not an absolute URL of up to 3000 characters";
            }
        }

        return null;
    }

    private static string? Context(JsonObject context) =>
        context["elements"] is JsonArray { Count: > 0 and <= 10 } elements
            ? elements.Select(element => TextObject(element, 3000, plainOnly: false)).FirstOrDefault(p => p is not null)
            : "context needs 1 to 10 elements";

    private static string? TextObject(JsonNode? node, int limit, bool plainOnly)
    {
        if (node is not JsonObject text || Text(text["type"]) is not ("plain_text" or "mrkdwn") || Text(text["text"]) is not { } value)
        {
            return "a text object without type and text";
        }

        if (plainOnly && Text(text["type"]) != "plain_text")
        {
            return "mrkdwn where plain_text is required";
        }

        return value.Length is 0 || value.Length > limit ? $"a text of {value.Length} characters (1 to {limit} allowed)" : null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
