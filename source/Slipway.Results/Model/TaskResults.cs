namespace Slipway.Results;

/// <summary>Everything read back from one task's log.</summary>
/// <param name="TaskName">The task, e.g. <c>tests</c> or <c>analysis</c>.</param>
/// <param name="Tools">Every report block seen, in log order.</param>
/// <param name="Suites">The test suites of every JUnit report that was read in full.</param>
/// <param name="Findings">The findings of every checkstyle, PMD and PMD-CPD report that was read in full.</param>
/// <param name="Metrics">The phploc measurements.</param>
/// <param name="Problems">What kept results from being read: all infrastructure failures.</param>
public sealed record TaskResults(
    string TaskName,
    IReadOnlyList<ToolRun> Tools,
    IReadOnlyList<TestSuiteResult> Suites,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<CodeMetrics> Metrics,
    IReadOnlyList<ResultsProblem> Problems)
{
    /// <summary>The task's own explanations (<c>::slipway:: note</c> lines), in log order.</summary>
    public IReadOnlyList<TaskNote> Notes { get; init; } = [];

    /// <summary>The files the task handed back (screenshots of failing browser steps), in log order.</summary>
    public IReadOnlyList<TaskAttachment> Attachments { get; init; } = [];

    /// <summary>Every tool a marker or a note named, in the order the log first named it (the order of the test runners).</summary>
    public IReadOnlyList<string> ToolNames { get; init; } = [];

    /// <summary>True when a report was incomplete or unreadable, or the task itself failed.</summary>
    public bool HasInfrastructureFailure => Problems.Count > 0;

    /// <summary>The results of a task that never ran (the platform could not start it).</summary>
    public static TaskResults FailedToStart(string taskName, string reason) => new(
        taskName,
        [],
        [],
        [],
        [],
        [new ResultsProblem(taskName, null, ResultsProblemKind.TaskFailedToStart, $"task {taskName} failed to start: {reason}", [])]);

    /// <summary>The same results with <paramref name="problems"/> added after the ones already there.</summary>
    public TaskResults WithProblems(IEnumerable<ResultsProblem> problems) => this with { Problems = [.. Problems, .. problems] };

    /// <summary>The results of a task the platform lost track of: its error is the task's only result.</summary>
    public static TaskResults PlatformFailed(string taskName, string error) => new(
        taskName,
        [],
        [],
        [],
        [],
        [new ResultsProblem(taskName, null, ResultsProblemKind.PlatformFailed, error, [])]);
}
