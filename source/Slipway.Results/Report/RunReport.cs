namespace Slipway.Results;

/// <summary>
/// The results of one run: every task's tests, findings, measurements and problems together, with
/// the views the writers and the pipeline need. Build it with <see cref="Combine"/>.
/// </summary>
public sealed partial class RunReport
{
    /// <summary>How many of the slowest tests the report lists.</summary>
    public const int SlowestTestCount = 10;

    private RunReport(IReadOnlyList<TaskResults> tasks)
    {
        Tasks = tasks;
        Suites = tasks.SelectMany(task => task.Suites).ToArray();
        Tests = TestRunTotals.Count(Suites);
        var cases = Suites.SelectMany(suite => suite.Cases);
        Failures = cases
            .Where(testCase => testCase.Outcome is TestOutcome.Failed or TestOutcome.Error or TestOutcome.Warning)
            .OrderBy(testCase => testCase.Outcome == TestOutcome.Warning)
            .ToArray();
        SlowestTests = cases
            .Where(testCase => testCase.Time > TimeSpan.Zero)
            .OrderByDescending(testCase => testCase.Time)
            .Take(SlowestTestCount)
            .ToArray();
        Findings = tasks.SelectMany(task => task.Findings)
            .OrderBy(finding => finding.Severity)
            .ThenBy(finding => finding.Tool, StringComparer.Ordinal)
            .ThenBy(finding => finding.File, StringComparer.Ordinal)
            .ThenBy(finding => finding.Line ?? 0)
            .ThenBy(finding => finding.Column ?? 0)
            .ToArray();
        FindingCounts = Findings
            .GroupBy(finding => (finding.Tool, finding.Severity))
            .Select(group => new FindingCount(group.Key.Tool, group.Key.Severity, group.Count()))
            .OrderBy(count => count.Tool, StringComparer.Ordinal)
            .ThenBy(count => count.Severity)
            .ToArray();
        RuleCounts = Findings
            .GroupBy(finding => (finding.Tool, Rule: finding.Rule.Length == 0 ? "(no rule)" : finding.Rule))
            .Select(group => new RuleCount(
                group.Key.Tool, group.Key.Rule, group.Min(finding => finding.Severity), group.Count(), group.Select(finding => finding.File).Distinct().Count()))
            .OrderBy(count => count.Severity)
            .ThenByDescending(count => count.Count)
            .ThenBy(count => count.Tool, StringComparer.Ordinal)
            .ThenBy(count => count.Rule, StringComparer.Ordinal)
            .ToArray();
        FindingsByFile = Findings
            .GroupBy(finding => finding.File, StringComparer.Ordinal)
            .Select(group => new FileFindings(group.Key, group.OrderBy(finding => finding.Line ?? 0).ThenBy(finding => finding.Column ?? 0).ToArray()))
            .OrderBy(file => file.Severity)
            .ThenByDescending(file => file.Findings.Count)
            .ThenBy(file => file.File, StringComparer.Ordinal)
            .ToArray();
        Metrics = tasks.SelectMany(task => task.Metrics).ToArray();
        Problems = tasks.SelectMany(task => task.Problems).ToArray();
        Notes = tasks.SelectMany(task => task.Notes).ToArray();
        Attachments = tasks.SelectMany(task => task.Attachments).ToArray();
        Runners = TestRunnerResult.Of(tasks);
        _severalRunners = Suites.Select(suite => suite.Tool).Distinct(StringComparer.Ordinal).Skip(1).Any();
    }

    private readonly bool _severalRunners;

    /// <summary>Each test runner's tests, or why it has none, in task then log order (docs/services.md, "Test runners").</summary>
    public IReadOnlyList<TestRunnerResult> Runners { get; }

    /// <summary>
    /// A test as a list of failures names it: <c>Class::method</c>, led by its runner (<c>unit: Class::method</c>)
    /// when the run's tests came from more than one runner.
    /// </summary>
    public string NameOf(TestCaseResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return _severalRunners && test.Tool.Length > 0
            ? $"{test.Tool}: {test.FullName}"
            : test.FullName;
    }

    /// <summary>The files the tasks handed back (screenshots), in task then log order.</summary>
    public IReadOnlyList<TaskAttachment> Attachments { get; }

    /// <summary>The tasks' own explanations, in task then log order.</summary>
    public IReadOnlyList<TaskNote> Notes { get; }

    /// <summary>
    /// True when the test runner said it found nothing to run and no test ran: the report says so and
    /// never that tests passed.
    /// </summary>
    public bool NoTestsFound => Tests.Total == 0 && Notes.Any(note => note.SaysNoTestsFound);

    /// <summary>The tasks' results as given.</summary>
    public IReadOnlyList<TaskResults> Tasks { get; }

    /// <summary>Every test suite of every task.</summary>
    public IReadOnlyList<TestSuiteResult> Suites { get; }

    /// <summary>How the tests ended.</summary>
    public TestRunTotals Tests { get; }

    /// <summary>Failed and errored test cases in report order, then those that passed with a warning.</summary>
    public IReadOnlyList<TestCaseResult> Failures { get; }

    /// <summary>The <see cref="SlowestTestCount"/> slowest test cases, slowest first.</summary>
    public IReadOnlyList<TestCaseResult> SlowestTests { get; }

    /// <summary>Every finding, most severe first, then by tool, file and line.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>How many findings each tool made of each severity, by tool then severity.</summary>
    public IReadOnlyList<FindingCount> FindingCounts { get; }

    /// <summary>How often each rule fired, most severe then most frequent first.</summary>
    public IReadOnlyList<RuleCount> RuleCounts { get; }

    /// <summary>The findings grouped by file: files with errors first, then those with most findings.</summary>
    public IReadOnlyList<FileFindings> FindingsByFile { get; }

    /// <summary>The code measurements (phploc).</summary>
    public IReadOnlyList<CodeMetrics> Metrics { get; }

    /// <summary>Incomplete or unreadable reports and failed tasks.</summary>
    public IReadOnlyList<ResultsProblem> Problems { get; }

    /// <summary>
    /// True when results are missing or broken (a report incomplete or unreadable, a task that failed
    /// to start or whose runner failed): the run itself failed, whatever the tests say.
    /// </summary>
    public bool HasInfrastructureFailure => Problems.Count > 0;

    /// <summary>True when a test failed or broke (skipped tests and warnings do not count).</summary>
    public bool HasTestFailures => Tests.Failed + Tests.Errors > 0;

    /// <summary>How many findings of a severity there are, over all tools.</summary>
    public int CountFindings(FindingSeverity severity) =>
        FindingCounts.Where(count => count.Severity == severity).Sum(count => count.Count);

    /// <summary>Combines the results of any number of tasks of one run.</summary>
    public static RunReport Combine(params IEnumerable<TaskResults> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new RunReport(results.ToArray());
    }
}
