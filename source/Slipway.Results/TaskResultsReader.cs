using Slipway.Platform;
using Slipway.Results.Extraction;
using Slipway.Results.Parsing;

namespace Slipway.Results;

/// <summary>
/// Reads the results a test or analysis task printed between <c>::slipway::</c> marker lines (see
/// docs/results-protocol.md) out of its log, page by page as the platform hands the log out. Lines
/// outside reports are dropped at once and each report is parsed while it arrives, so memory does
/// not grow with the log. Nothing in the log makes it throw: broken reports become
/// <see cref="ResultsProblem"/>s.
/// </summary>
/// <example>
/// <code>
/// var reader = new TaskResultsReader("tests", appRoot: "/var/www/app");
/// await foreach (var page in run.ReadLogAsync(ct)) reader.Feed(page);
/// TaskResults results = reader.Complete(outcome);
/// </code>
/// </example>
public sealed class TaskResultsReader
{
    /// <summary>How many lines of a broken report are kept from its start, and as many from its end.</summary>
    public const int DefaultRawLinesKept = 200;

    private readonly string _taskName;
    private readonly AppPathMapper _paths;
    private readonly int _rawLinesKept;
    private readonly List<ToolRun> _tools = [];
    private readonly List<TestSuiteResult> _suites = [];
    private readonly List<Finding> _findings = [];
    private readonly List<CodeMetrics> _metrics = [];
    private readonly List<ResultsProblem> _problems = [];
    private readonly List<TaskNote> _notes = [];
    private readonly List<TaskAttachment> _attachments = [];
    private readonly List<string> _toolNames = [];
    private ReportBlock? _open;
    private bool _completed;

    /// <param name="taskName">The task whose log this is (tests, analysis); it names the task in problems.</param>
    /// <param name="appRoot">The app's folder inside the task's container: report paths under it become relative.</param>
    /// <param name="rawLinesKept">How many lines of a broken report to keep from its start, and as many from its end.</param>
    public TaskResultsReader(string taskName, string appRoot = "/var/www/app", int rawLinesKept = DefaultRawLinesKept)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskName);
        ArgumentNullException.ThrowIfNull(appRoot);
        ArgumentOutOfRangeException.ThrowIfNegative(rawLinesKept);
        _taskName = taskName;
        _paths = new AppPathMapper(appRoot);
        _rawLinesKept = rawLinesKept;
    }

    /// <summary>Takes the next page of the log. Pages may split a report anywhere between lines.</summary>
    /// <exception cref="InvalidOperationException">After <see cref="Complete"/>.</exception>
    public void Feed(IReadOnlyList<LogLine> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (_completed)
        {
            throw new InvalidOperationException("The results were already completed; start a new reader for another log.");
        }

        for (var i = 0; i < page.Count; i++)
        {
            var line = page[i];
            if (ResultMarker.MayBeMarker(line.Text) && line.Stream != LogStream.Stderr && ResultMarker.TryParse(line.Text, out var marker))
            {
                Named(marker.Tool);
                OnMarker(marker);
            }
            else if (_open is null && ResultMarker.MayBeMarker(line.Text) && line.Stream != LogStream.Stderr
                     && TaskNote.TryParse(_taskName, line.Text, out var note))
            {
                Named(note!.Tool);
                _notes.Add(note);
            }
            else
            {
                _open?.Add(line);
            }
        }

        _open?.EndOfPage();
    }

    /// <summary>Feeds every page of <paramref name="pages"/>, then completes.</summary>
    /// <param name="pages">The task's log, as <see cref="ITaskRun.ReadLogAsync"/> hands it out.</param>
    /// <param name="outcome">How the task ended, when known (see <see cref="Complete"/>).</param>
    /// <param name="cancellationToken">Stops reading the log.</param>
    public async Task<TaskResults> ReadAsync(
        IAsyncEnumerable<IReadOnlyList<LogLine>> pages,
        TaskOutcome? outcome = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            Feed(page);
        }

        return Complete(outcome);
    }

    /// <summary>
    /// Ends the log and returns what it held. A report still open is incomplete. When the task's
    /// <paramref name="outcome"/> is given, a task that never ran (no exit code) or whose entry script
    /// failed (non-zero exit code) is a problem too. A log without any report is not: an app may
    /// have no tests, and the entry scripts exit non-zero when a tool could not run.
    /// </summary>
    /// <param name="outcome">How the task ended, as <see cref="ITaskRun.WaitAsync"/> told.</param>
    public TaskResults Complete(TaskOutcome? outcome = null)
    {
        if (!_completed)
        {
            _completed = true;
            if (_open is not null)
            {
                AbandonOpenReport();
            }

            AddOutcomeProblems(outcome);
        }

        return new TaskResults(_taskName, _tools.ToArray(), _suites.ToArray(), _findings.ToArray(), _metrics.ToArray(), _problems.ToArray())
        {
            Notes = _notes.ToArray(),
            Attachments = _attachments.ToArray(),
            ToolNames = _toolNames.ToArray(),
        };
    }

    private void Named(string? tool)
    {
        if (tool is not null && !_toolNames.Contains(tool, StringComparer.Ordinal))
        {
            _toolNames.Add(tool);
        }
    }

    private void OnMarker(ResultMarker marker)
    {
        if (marker.Kind == MarkerKind.Begin)
        {
            if (_open is not null)
            {
                AbandonOpenReport();
            }

            _open = new ReportBlock(marker, _paths, _rawLinesKept);
            return;
        }

        if (_open is null)
        {
            _tools.Add(new ToolRun(marker.Tool, null, marker.ExitCode, ToolRunStatus.Incomplete));
            AddProblem(marker.Tool, ResultsProblemKind.Incomplete, $"results incomplete: {marker.Tool} finished but the start of its report is missing from the log", []);
            return;
        }

        if (marker.Tool != _open.Tool)
        {
            // An end that does not match means the open report's own end was lost; the stray end is
            // that of a report whose beginning is missing.
            AbandonOpenReport();
            OnMarker(marker);
            return;
        }

        FinishOpenReport(marker.ExitCode);
    }

    private void FinishOpenReport(int? exitCode)
    {
        var block = _open!;
        _open = null;
        try
        {
            var results = block.Finish();
            _suites.AddRange(results.Suites);
            _findings.AddRange(results.Findings);
            _metrics.AddRange(results.Metrics);
            _attachments.AddRange(results.Attachments);
            _tools.Add(new ToolRun(block.Tool, block.Format, exitCode, ToolRunStatus.Read));
        }
        catch (ReportFormatException exception)
        {
            _tools.Add(new ToolRun(block.Tool, block.Format, exitCode, ToolRunStatus.Unreadable));
            AddProblem(block.Tool, ResultsProblemKind.Unreadable, $"tool {block.Tool} produced unreadable output: {exception.Message}", block.RawLines());
        }
    }

    private void AbandonOpenReport()
    {
        var block = _open!;
        _open = null;
        _tools.Add(new ToolRun(block.Tool, block.Format, null, ToolRunStatus.Incomplete));
        AddProblem(block.Tool, ResultsProblemKind.Incomplete, $"results incomplete: {block.Tool} started but never finished (the task may have been stopped)", block.RawLines());
    }

    private void AddOutcomeProblems(TaskOutcome? outcome)
    {
        var reason = outcome?.StoppedReason is { Length: > 0 } stopped ? $": {stopped}" : string.Empty;
        if (outcome is { ExitCode: null })
        {
            AddProblem(null, ResultsProblemKind.TaskFailedToStart, $"task {_taskName} failed to start{(reason.Length > 0 ? reason : ": the platform gave no exit code")}", []);
        }
        else if (outcome is { ExitCode: not 0 and var code })
        {
            // The runners that could not run said so by name: the problem names them rather than "its runner".
            var runners = _notes.Where(note => note.SaysCouldNotRun).Select(note => note.ToString()).ToList();
            var what = runners.Count == 0 ? $", so its runner failed{reason}" : $": {string.Join("; ", runners)}{reason}";
            AddProblem(null, ResultsProblemKind.TaskFailed, $"task {_taskName} ended with exit code {code}{what}", []);
        }
    }

    private void AddProblem(string? tool, ResultsProblemKind kind, string message, IReadOnlyList<string> rawLines) =>
        _problems.Add(new ResultsProblem(_taskName, tool, kind, message, rawLines));
}
