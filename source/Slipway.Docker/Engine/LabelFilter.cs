using System.Text.Json.Nodes;

namespace Slipway.Docker.Engine;

/// <summary>Writes the engine's <c>filters</c> parameter for a set of labels.</summary>
internal static class LabelFilter
{
    /// <summary>
    /// <c>{"label":["key=value", ...]}</c>; a label with an empty value matches any value. Null when there is nothing to filter.
    /// </summary>
    public static string? ToFilters(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return null;
        }

        var values = new JsonArray();
        foreach (var (key, value) in labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            values.Add(string.IsNullOrEmpty(value) ? key : $"{key}={value}");
        }

        return new JsonObject { ["label"] = values }.ToJsonString();
    }
}
