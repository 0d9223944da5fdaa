using System.Text;

namespace Slipway.TestSupport;

/// <summary>A request the <see cref="LoopbackHttpEndpoint"/> received; header names compare case-insensitively.</summary>
/// <param name="Target">The request line's target: the path and the query, as sent.</param>
public sealed record LoopbackRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The target's path, without its query.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A query parameter, unescaped; null when the query does not have it.</summary>
    public string? Query(string name) =>
        (Target.Split('?', 2) is [_, var query] ? query.Split('&') : [])
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => Uri.UnescapeDataString((pair.Length > 1 ? pair[1] : "").Replace('+', ' ')))
            .FirstOrDefault();
}
