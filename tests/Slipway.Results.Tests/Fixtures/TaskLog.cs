using Slipway.Platform;

namespace Slipway.Results.Tests.Fixtures;

/// <summary>
/// Builds the log a task prints, line by line. With <c>streamsKnown: false</c> every line is
/// <see cref="LogStream.Unknown"/>, as CloudWatch hands it out.
/// </summary>
internal sealed class TaskLog(bool streamsKnown = true)
{
    private readonly List<LogLine> _lines = [];

    public IReadOnlyList<LogLine> Lines => _lines;

    public TaskLog Out(params string[] lines)
    {
        _lines.AddRange(lines.Select(line => new LogLine(streamsKnown ? LogStream.Stdout : LogStream.Unknown, line)));
        return this;
    }

    public TaskLog Err(params string[] lines)
    {
        _lines.AddRange(lines.Select(line => new LogLine(streamsKnown ? LogStream.Stderr : LogStream.Unknown, line)));
        return this;
    }

    public TaskLog Begin(string tool, string format) => Out($"::slipway:: begin tool={tool} format={format}");

    public TaskLog End(string tool, int exit = 0) => Out($"::slipway:: end tool={tool} exit={exit}");

    /// <summary>A document's lines on stdout.</summary>
    public TaskLog Document(string text) => Out(SplitLines(text));

    public TaskLog Report(string tool, string format, string document, int exit = 0) =>
        Begin(tool, format).Document(document).End(tool, exit);

    public static string[] SplitLines(string text) => text.TrimEnd('\n').Split('\n');

    public TaskResults Read(string task = "tests") => ReadPages([_lines], task);

    public static TaskResults ReadPages(IEnumerable<IReadOnlyList<LogLine>> pages, string task = "tests", TaskOutcome? outcome = null)
    {
        var reader = new TaskResultsReader(task, Samples.AppRoot);
        foreach (var page in pages)
        {
            reader.Feed(page);
        }

        return reader.Complete(outcome);
    }
}
