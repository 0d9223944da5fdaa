namespace Slipway.Results.Extraction;

/// <summary>
/// Keeps the first and the last <c>limit</c> lines of a block, so a broken report can be shown to
/// people without holding the whole of it.
/// </summary>
internal sealed class RawLineSample(int limit)
{
    private readonly List<string> _head = new(Math.Min(limit, 64));
    private readonly string[] _tail = new string[limit];
    private int _tailNext;
    private int _tailCount;
    private long _total;

    public void Add(string line)
    {
        _total++;
        if (_head.Count < limit)
        {
            _head.Add(line);
            return;
        }

        if (limit == 0)
        {
            return;
        }

        _tail[_tailNext] = line;
        _tailNext = (_tailNext + 1) % limit;
        _tailCount = Math.Min(_tailCount + 1, limit);
    }

    /// <summary>How many lines were seen but not kept.</summary>
    public long Omitted => _total - _head.Count - _tailCount;

    /// <summary>The kept lines in order; a notice line stands where lines were left out.</summary>
    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string>(_head.Count + _tailCount + 1);
        lines.AddRange(_head);
        if (Omitted > 0)
        {
            lines.Add($"... {Omitted} lines left out ...");
        }

        var start = (_tailNext - _tailCount + limit) % Math.Max(limit, 1);
        for (var i = 0; i < _tailCount; i++)
        {
            lines.Add(_tail[(start + i) % limit]);
        }

        return lines;
    }
}
