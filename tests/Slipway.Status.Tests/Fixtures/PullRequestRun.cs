namespace Slipway.Status.Tests.Fixtures;

/// <summary>
/// A PullRequest run as the pipeline reports it: build, then test, analysis and playground side by side,
/// ending with 13 failing tests and 12 findings, the playground serving.
/// </summary>
public sealed class PullRequestRun
{
    public const string Sha = "0123456789abcdef0123456789abcdef01234567";
    public const int FailingTestCount = 13;
    public const int FindingCount = 12;

    public static readonly Uri PlaygroundUrl = new("http://feature-login.localhost:8080/");
    public static readonly Uri PullRequestUrl = new("https://github.com/acme/drupal-site/pull/42");

    private readonly List<(Step Step, RunStatus Status)> steps = [];

    public PullRequestRun(string runId = "run-1", string sha = Sha, string? remote = "https://github.com/acme/drupal-site.git")
    {
        var started = new RunStatus
        {
            RunId = runId,
            Pipeline = "PullRequest",
            App = "drupal-site",
            Branch = "feature/login",
            CommitSha = sha,
            StartedAt = new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero),
            PullRequestUrl = PullRequestUrl,
            RepositoryUrl = remote,
            Stages =
            [
                new StageStatus(StageNames.Build, StageState.Running),
                new StageStatus(StageNames.Test, StageState.Pending),
                new StageStatus(StageNames.Analysis, StageState.Pending),
                new StageStatus(StageNames.Playground, StageState.Pending),
            ],
        };
        Add(Step.Started, started);
        Change(status => status.WithStage(new StageStatus(StageNames.Build, StageState.Succeeded, "Image feature-login-0123456")));
        Change(status => status.WithStage(new StageStatus(StageNames.Test, StageState.Running)));
        Change(status => status.WithStage(new StageStatus(StageNames.Analysis, StageState.Running)));
        Change(status => status.WithStage(new StageStatus(StageNames.Playground, StageState.Running)));
        Change(status => status.WithStage(new StageStatus(StageNames.Playground, StageState.Succeeded, "Serving")) with
        {
            PlaygroundUrl = PlaygroundUrl,
        });
        Change(status => status.WithStage(new StageStatus(StageNames.Analysis, StageState.Failed, $"{FindingCount} findings")) with
        {
            FindingTotals = new FindingTotals(2, 8, 2),
            Findings = Enumerable.Range(1, FindingCount)
                .Select(index => new FailureItem($"Generic.Rule{index}", $"web/modules/custom/login/src/File{index}.php:{index * 10}", $"Finding {index}"))
                .ToList(),
        });
        Change(status => status.WithStage(new StageStatus(StageNames.Test, StageState.Failed, $"105 passed, {FailingTestCount} failed")) with
        {
            TestTotals = new TestTotals(105, FailingTestCount, 0, 2),
            FailingTests = Enumerable.Range(1, FailingTestCount)
                .Select(index => new FailureItem($"LoginTest::testCase{index:00}", $"tests/src/LoginTest.php:{100 + index}", $"Failed asserting case {index}."))
                .ToList(),
        });
        Add(Step.Finished, Last with { FinishedAt = Last.StartedAt.AddMinutes(6).AddSeconds(12) });
    }

    public enum Step
    {
        Started,
        StageChanged,
        Finished,
    }

    public RunStatus First => steps[0].Status;

    public RunStatus Final => steps[^1].Status;

    private RunStatus Last => steps[^1].Status;

    /// <summary>Plays every step against <paramref name="reporter"/>, in order.</summary>
    public Task PlayAsync(IRunStatusReporter reporter) => PlayAsync(reporter, steps.Count);

    /// <summary>Plays the first <paramref name="count"/> steps.</summary>
    public async Task PlayAsync(IRunStatusReporter reporter, int count)
    {
        foreach (var (step, status) in steps.Take(count))
        {
            var call = step switch
            {
                Step.Started => reporter.RunStartedAsync(status, CancellationToken.None),
                Step.Finished => reporter.RunFinishedAsync(status, CancellationToken.None),
                _ => reporter.StageChangedAsync(status, CancellationToken.None),
            };
            await call;
        }
    }

    /// <summary>The snapshot after <paramref name="count"/> steps.</summary>
    public RunStatus After(int count) => steps[count - 1].Status;

    public int StepCount => steps.Count;

    private void Change(Func<RunStatus, RunStatus> change) => Add(Step.StageChanged, change(Last));

    private void Add(Step step, RunStatus status) => steps.Add((step, status));
}
