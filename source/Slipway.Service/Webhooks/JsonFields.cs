using System.Text.Json;

namespace Slipway.Service.Webhooks;

/// <summary>Reads nested fields of a webhook payload, naming the missing one in the error.</summary>
internal static class JsonFields
{
    public static string RequiredString(JsonElement root, string eventName, params string[] path) =>
        OptionalString(root, path) is { Length: > 0 } value
            ? value
            : throw new WebhookPayloadException($"The {eventName} payload has no {string.Join('.', path)}.");

    public static int RequiredInt(JsonElement root, string eventName, params string[] path) =>
        Find(root, path) is { ValueKind: JsonValueKind.Number } element && element.TryGetInt32(out var number)
            ? number
            : throw new WebhookPayloadException($"The {eventName} payload has no number at {string.Join('.', path)}.");

    public static string? OptionalString(JsonElement root, params string[] path) =>
        Find(root, path) is { ValueKind: JsonValueKind.String } element ? element.GetString() : null;

    private static JsonElement? Find(JsonElement root, string[] path)
    {
        var current = root;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }
}
