using System.Runtime.CompilerServices;
using System.Text.Json;
using Slipway.Git.Checkout;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.Stages;
using Slipway.Pipeline.State;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Platform;
using Slipway.Results;
using Slipway.Status;

namespace Slipway.Pipeline.Tests.Running;

/// <summary>
/// A task whose platform is lost while it runs (AWS unreachable): the run reports the loss first, the
/// clean-up's failures after it with the command that removes what stayed, and the report says so.
/// </summary>
public sealed class LostTaskTests : IDisposable
{
    private const string Branch = "feature/x";
    private const string WaitError = "Could not reach AWS ECS at http://127.0.0.1:9 for ecs:DescribeTasks (Connection refused): check the network, the Region and AWS_ENDPOINT_URL_ECS.";
    private const string TaskArn = "arn:aws:ecs:eu-west-1:123456789012:task/c/0f1e";
    private const string DefinitionArn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/slipway-site-feature-x-tests:1";
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-lost-task-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TaskStage_PlatformLostWhileWaiting_ReportsTheWaitsErrorFirst_ThenEachLeftoverWithTheTeardownCommand()
    {
        var run = await StartedRunAsync();
        var services = Services(new LosingPlatform());
        var built = new BuiltApp(
            new CheckoutResult("abc1234abc1234abc1234abc1234abc1234abc12", IsCommit: true, Branch, RemoteUrl: null, _folder),
            AppProfile.Resolve(_folder, AppConfigFile.ReadFrom(_folder)),
            "slipway/site:feature-x",
            "sha256:feed",
            "repo/site:feature-x",
            BranchDatabaseAccess.None,
            new Lazy<Task<BuiltImage>>(() => Task.FromResult(new BuiltImage("sha256:beef", "repo/site:feature-x-tests"))));

        var results = await new TaskStage(services).RunAsync(run, built, TaskKind.Tests, CancellationToken.None);

        results.Problems.Select(problem => (problem.Kind, problem.Message)).Should().Equal(
            (ResultsProblemKind.PlatformFailed, $"task tests could not be followed to its end: {WaitError}"),
            (ResultsProblemKind.CleanupFailed, $"could not remove task {TaskArn} (Could not reach AWS ECS for ecs:StopTask): run ./build.sh Teardown --branch {Branch}"),
            (ResultsProblemKind.CleanupFailed, $"could not remove task definition {DefinitionArn} (Could not reach AWS ECS for ecs:DeregisterTaskDefinition): run ./build.sh Teardown --branch {Branch}"));
        run.Results.Should().ContainSingle("the lost task's results are the run's, for its report");
    }

    [Fact]
    public async Task Report_OfARunWhoseBuildFailed_NamesTheFailureAsAnInfrastructureProblem()
    {
        var run = await StartedRunAsync();
        await run.Tracker.SetStageAsync(StageNames.Build, StageState.Running);
        await run.Tracker.SetStageAsync(StageNames.Build, StageState.Failed, "Could not reach AWS ECR for ecr:GetAuthorizationToken.");

        new RunReportPublisher(_ => null).Publish(run, _folder);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, RunReportPublisher.JsonFile)));
        report.RootElement.GetProperty("hasInfrastructureFailure").GetBoolean().Should().BeTrue();
        var problem = report.RootElement.GetProperty("problems").EnumerateArray().Should().ContainSingle().Subject;
        problem.GetProperty("kind").GetString().Should().Be("stageFailed");
        problem.GetProperty("message").GetString().Should().Be("build failed: Could not reach AWS ECR for ecr:GetAuthorizationToken.");
        (await File.ReadAllTextAsync(Path.Combine(_folder, RunReportPublisher.MarkdownFile))).Should().Contain("Infrastructure failure");
    }

    private async Task<RunContext> StartedRunAsync()
    {
        var store = new SqliteRunStore(Path.Combine(_folder, "slipway.db"));
        var tracker = new StageTracker(store, new RecordingReporter(), TimeProvider.System);
        var settings = new PipelineSettings(_folder, _folder, _folder, Branch);
        var run = new RunContext("r1", "PullRequest", settings, "site", tracker);
        var now = DateTimeOffset.UtcNow;
        await tracker.StartAsync(
            new RunRecord("r1", "PullRequest", "site", Branch, null, RunState.Queued, now),
            new RunStatus { RunId = "r1", Pipeline = "PullRequest", App = "site", Branch = Branch, CommitSha = "abc1234", StartedAt = now },
            CancellationToken.None);
        return run;
    }

    // Only the platform matters to the task stage; nothing else is used.
    private static PipelineServices Services(IPlatform platform) =>
        new(platform, platform, null!, null!, null!, null!, null!, new RecordingReporter(), null!, null!, TimeProvider.System);

    /// <summary>Starts a task, then loses AWS: the wait fails, and so does every clean-up step.</summary>
    private sealed class LosingPlatform : IPlatform
    {
        public string Name => "aws";

        public Task<ITaskRun> StartTaskAsync(TaskSpec spec, CancellationToken cancellationToken) => Task.FromResult<ITaskRun>(new LostRun());

        public Task<string> PublishImageAsync(string localImage, Ownership owner, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ServiceEndpoint> StartServiceAsync(ServiceSpec spec, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<LogLine>> ReadServiceLogTailAsync(ServiceEndpoint endpoint, int lines, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<OwnedResource>> ListOwnedAsync(string app, string? branch, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveAsync(IReadOnlyList<OwnedResource> resources, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class LostRun : ITaskRun
    {
        public string Id => TaskArn;

        public Task<TaskOutcome> WaitAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(WaitError);

        public async IAsyncEnumerable<IReadOnlyList<LogLine>> ReadLogAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }

        public Task StopAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("Could not reach AWS ECS for ecs:StopTask.");

        public ValueTask DisposeAsync() => throw new CleanupFailedException(
        [
            new Leftover($"task {TaskArn}", "Could not reach AWS ECS for ecs:StopTask."),
            new Leftover($"task definition {DefinitionArn}", "Could not reach AWS ECS for ecs:DeregisterTaskDefinition."),
        ]);
    }
}
