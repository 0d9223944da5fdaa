using System.Diagnostics;
using System.Text;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>Watches the lines a started <c>./build.sh</c> writes, so a test can wait for one instead of sleeping.</summary>
public sealed class OutputLines
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Seen)> _waiters = [];

    public OutputLines(Process process, StringBuilder earlier)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        string text;
        lock (earlier)
        {
            text = earlier.ToString();
        }

        foreach (var line in text.Split('\n'))
        {
            Add(line.TrimEnd('\r'));
        }
    }

    /// <summary>The first line (already written or still to come) that matches.</summary>
    /// <exception cref="TimeoutException">None came within <paramref name="limit"/>; the message holds the output so far.</exception>
    public async Task<string> WaitForAsync(Func<string, bool> matches, TimeSpan limit)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(matches) is { } line)
            {
                return line;
            }

            _waiters.Add((matches, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                throw new TimeoutException($"No such line within {limit}; the output so far:{Environment.NewLine}{string.Join(Environment.NewLine, _lines)}");
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(waiter => waiter.Matches(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }
        }
    }
}
