using System.Text.Json;

namespace Slipway.Docker.Engine;

/// <summary>Tolerant readers for the engine's JSON, where absent and null fields are both common.</summary>
internal static class JsonElementReading
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static long Int64(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt64() : 0;

    public static bool Boolean(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.True };

    public static IReadOnlyList<string> Strings(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(item => item.GetString()).OfType<string>().ToList()
            : [];

    public static IReadOnlyDictionary<string, string> StringMap(this JsonElement element, string name) =>
        element.Property(name) is { ValueKind: JsonValueKind.Object } map
            ? map.EnumerateObject().ToDictionary(pair => pair.Name, pair => pair.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
