namespace Slipway.Results;

/// <summary>
/// One test runner's share of a run: the tests its JUnit report held, or why it has none. The runners are
/// phpunit and behat for an app without <c>tests.runners</c>, else the names that list gives them.
/// </summary>
/// <param name="Runner">The runner's name, as its report and notes carried it.</param>
/// <param name="Tests">How its tests ended.</param>
/// <param name="NoTestsFound">Its reason when it found nothing to run; null otherwise.</param>
/// <param name="CouldNotRun">Its reason when it could not run (no report): a failed stage; null otherwise.</param>
public sealed record TestRunnerResult(string Runner, TestRunTotals Tests, string? NoTestsFound, string? CouldNotRun)
{
    /// <summary>The runners of the given tasks in log order: each tool with a JUnit report or a note saying why it has none.</summary>
    public static IReadOnlyList<TestRunnerResult> Of(IReadOnlyList<TaskResults> tasks)
    {
        var runners = new List<TestRunnerResult>();
        foreach (var task in tasks)
        {
            var named = task.Tools.Where(tool => tool.Format == "junit").Select(tool => tool.Tool)
                .Concat(task.Notes.Where(note => note.Tool is not null && (note.SaysNoTestsFound || note.SaysCouldNotRun)).Select(note => note.Tool!))
                .ToHashSet(StringComparer.Ordinal);
            var names = task.ToolNames.Where(named.Contains).Concat(named.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var notes = task.Notes.Where(note => note.Tool == name).ToList();
                runners.Add(new TestRunnerResult(
                    name,
                    TestRunTotals.Count(task.Suites.Where(suite => suite.Tool == name)),
                    Reason(notes.FirstOrDefault(note => note.SaysNoTestsFound), TaskNote.NoTestsFound),
                    Reason(notes.FirstOrDefault(note => note.SaysCouldNotRun), TaskNote.CouldNotRun)));
            }
        }

        return runners;
    }

    /// <summary>The runner's line: "3 tests: 2 passed, 1 failed, 0 skipped", "no tests found: …" or "could not run: …".</summary>
    public string Describe()
    {
        if (CouldNotRun is not null)
        {
            return $"{TaskNote.CouldNotRun}: {CouldNotRun}";
        }

        if (Tests.Total == 0)
        {
            return NoTestsFound is null ? TaskNote.NoTestsFound : $"{TaskNote.NoTestsFound}: {NoTestsFound}";
        }

        var errors = Tests.Errors > 0 ? $", {Tests.Errors} {(Tests.Errors == 1 ? "error" : "errors")}" : "";
        return $"{Tests.Total} {(Tests.Total == 1 ? "test" : "tests")}: {Tests.Passed + Tests.Warnings} passed, {Tests.Failed} failed{errors}, {Tests.Skipped} skipped";
    }

    private static string? Reason(TaskNote? note, string start) => note?.Text[start.Length..].TrimStart(':', ' ');
}
