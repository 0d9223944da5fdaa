namespace Slipway.Status.Summary;

/// <summary>The first items of a long list and how many were left out ("+N more").</summary>
internal sealed record ShortList<T>(IReadOnlyList<T> Shown, int More)
{
    /// <summary>Keeps at most <paramref name="limit"/> items from the front of <paramref name="items"/>.</summary>
    public static ShortList<T> Of(IReadOnlyList<T> items, int limit)
    {
        var shown = items.Take(limit).ToList();
        return new ShortList<T>(shown, items.Count - shown.Count);
    }
}
