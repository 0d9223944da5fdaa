namespace Slipway.Status.Tests.Fixtures;

/// <summary>
/// The <see cref="PullRequestRun"/> once its report is compared with develop: one new failing test beside two old
/// ones, <paramref name="newFindings"/> new findings beside 40 old ones, the report's Markdown and its cost.
/// </summary>
public sealed class ChangedPullRequest(int newFindings = 1)
{
    public const string NewTestFile = "web/modules/custom/login/tests/src/Kernel/LoginTest.php";

    public PullRequestRun Run { get; } = new();

    public RunStatus Final => Run.Final with
    {
        FailingTests =
        [
            new FailureItem("LoginTest::testRejectsBadPassword", $"{NewTestFile}:42", "Failed asserting that false is true.") { File = NewTestFile, Line = 42 },
            .. Enumerable.Range(1, 2).Select(index =>
                new FailureItem($"LegacyTest::testOld{index}", $"tests/LegacyTest.php:{index}", "Old failure") { File = "tests/LegacyTest.php", Line = index, IsNew = false }),
        ],
        Findings =
        [
            .. Enumerable.Range(1, newFindings).Select(index =>
                new FailureItem("phpmd: UnusedLocalVariable", $"web/modules/custom/login/src/Form{index}.php:{index + 7}", "Avoid unused local variables such as '$x'.")
                {
                    File = $"web/modules/custom/login/src/Form{index}.php",
                    Line = index + 7,
                    Level = "warning",
                }),
            .. Enumerable.Range(1, 40).Select(index =>
                new FailureItem("phpcs: Drupal.Commenting.FunctionComment.Missing", $"web/modules/custom/legacy/legacy.module:{index}", "Missing function doc comment")
                {
                    File = "web/modules/custom/legacy/legacy.module",
                    Line = index,
                    IsNew = false,
                    Level = "warning",
                }),
        ],
        Changes = new ChangeCounts(
            $"Compared with develop (run r-base): {newFindings} new findings, 40 already there; 1 new failing test, 2 already failing.",
            BaseFound: true,
            NewFailures: 1,
            OldFailures: 2,
            NewFindings: newFindings,
            OldFindings: 40),
        ReportMarkdown = "## Test and analysis results\n\n**Tests failed**: 118 tests, 3 failing.\n",
        CostSummary = "task time 3 m 10 s, about $0.0123",
    };

    /// <summary>Plays the run's stage changes, then its end with the compared report.</summary>
    public async Task PlayAsync(IRunStatusReporter reporter)
    {
        await Run.PlayAsync(reporter, Run.StepCount - 1);
        await reporter.RunFinishedAsync(Final, CancellationToken.None);
    }
}
