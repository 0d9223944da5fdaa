using Slipway.Engine.Execution;
using Slipway.Engine.Planning;
using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Execution;

public class BuildExecutorTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private static Task<BuildResult> Run(ExecutionPlan plan, int maxParallel = 4, CancellationToken cancellation = default) =>
        new BuildExecutor(maxParallel).ExecuteAsync(plan, cancellation);

    private static TargetStatus StatusOf(BuildResult result, string name) =>
        result.Runs.Single(run => run.Target.Name == name).Status;

    [Fact]
    public async Task IndependentTargets_RunAtTheSameTime()
    {
        // Each target can only finish once the other has started: they succeed only if they overlap.
        var firstStarted = new SemaphoreSlim(0);
        var secondStarted = new SemaphoreSlim(0);
        var set = new TargetSet().With("First", "Second", "Both").DependsOn("Both", "First", "Second")
            .Does("First", async cancellation =>
            {
                firstStarted.Release();
                (await secondStarted.WaitAsync(Generous, cancellation)).Should().BeTrue("Second should run while First runs");
            })
            .Does("Second", async cancellation =>
            {
                secondStarted.Release();
                (await firstStarted.WaitAsync(Generous, cancellation)).Should().BeTrue("First should run while Second runs");
            });

        var result = await Run(set.Plan("Both"));

        result.Runs.Select(run => run.Status).Should().AllBeEquivalentTo(TargetStatus.Succeeded);
        result.ExitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public async Task SynchronousActions_RunAtTheSameTimeToo()
    {
        using var barrier = new Barrier(2);
        var set = new TargetSet().With("First", "Second", "Both").DependsOn("Both", "First", "Second");
        set["First"].Actions.Add(SynchronousAction(() => barrier.SignalAndWait(Generous).Should().BeTrue()));
        set["Second"].Actions.Add(SynchronousAction(() => barrier.SignalAndWait(Generous).Should().BeTrue()));

        var result = await Run(set.Plan("Both"));

        result.Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task MaxParallel_LimitsHowManyTargetsRunAtOnce(int maxParallel)
    {
        var running = 0;
        var mostAtOnce = 0;
        var set = new TargetSet().With("A", "B", "C", "D", "E", "All").DependsOn("All", "A", "B", "C", "D", "E");
        foreach (var name in new[] { "A", "B", "C", "D", "E" })
        {
            set.Does(name, async _ =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref mostAtOnce, now);
                await Task.Delay(50);
                Interlocked.Decrement(ref running);
            });
        }

        var result = await Run(set.Plan("All"), maxParallel);

        result.Succeeded.Should().BeTrue();
        mostAtOnce.Should().BeLessThanOrEqualTo(maxParallel);
    }

    [Fact]
    public async Task Target_StartsOnlyAfterEverythingItWaitsFor()
    {
        var finished = new List<string>();
        var set = new TargetSet().With("Restore", "Clean", "Compile").DependsOn("Compile", "Restore").After("Compile", "Clean");
        set.Does("Restore", async _ =>
        {
            await Task.Delay(100);
            lock (finished)
            {
                finished.Add("Restore");
            }
        });
        set.Does("Clean", () =>
        {
            lock (finished)
            {
                finished.Add("Clean");
            }
        });
        set.Does("Compile", () =>
        {
            lock (finished)
            {
                finished.Add("Compile");
            }
        });

        await Run(set.Plan("Compile", "Clean"));

        finished.Should().HaveCount(3).And.EndWith("Compile");
    }

    [Fact]
    public async Task FailedTarget_DependentsDoNotRunAndTheBuildFails()
    {
        var set = new TargetSet().With("Compile", "Test").DependsOn("Test", "Compile")
            .Does("Compile", () => throw new BuildFailedException("Compile broke: fix Program.cs."));

        var result = await Run(set.Plan("Test"));

        StatusOf(result, "Compile").Should().Be(TargetStatus.Failed);
        result.Runs.Single(run => run.Target.Name == "Compile").SummaryText.Should().Be("Compile broke: fix Program.cs.");
        StatusOf(result, "Test").Should().Be(TargetStatus.NotRun);
        result.ExitCode.Should().Be(ExitCodes.TargetFailed);
    }

    [Fact]
    public async Task FailedTarget_StopsTheBuild_UnrelatedTargetsNotYetStartedDoNotRun()
    {
        var set = new TargetSet().With("Compile", "Later").After("Later", "Compile")
            .Does("Compile", () => throw new InvalidOperationException("boom"));

        var result = await Run(set.Plan("Compile", "Later"));

        StatusOf(result, "Later").Should().Be(TargetStatus.NotRun);
    }

    [Fact]
    public async Task ProceedAfterFailure_LetsTargetsThatDoNotDependOnItRun()
    {
        var set = new TargetSet().With("Analyse", "Report", "Fix").After("Report", "Analyse").DependsOn("Fix", "Analyse")
            .Does("Analyse", () => throw new BuildFailedException("3 findings."));
        set["Analyse"].ProceedAfterFailure = true;

        var result = await Run(set.Plan("Analyse", "Report", "Fix"));

        StatusOf(result, "Report").Should().Be(TargetStatus.Succeeded);
        StatusOf(result, "Fix").Should().Be(TargetStatus.NotRun, "it depends on the failed target");
        result.ExitCode.Should().Be(ExitCodes.TargetFailed);
    }

    [Fact]
    public async Task AssuredAfterFailure_RunsAfterAFailure()
    {
        var set = new TargetSet().With("Test", "Teardown").DependsOn("Teardown", "Test")
            .Does("Test", () => throw new BuildFailedException("2 tests failed."));
        set["Teardown"].AssuredAfterFailure = true;

        var result = await Run(set.Plan("Teardown"));

        StatusOf(result, "Teardown").Should().Be(TargetStatus.Succeeded);
        result.ExitCode.Should().Be(ExitCodes.TargetFailed);
    }

    [Fact]
    public async Task Cancellation_AbortsRunningTargets_StillRunsAssuredOnes_AndExitsWith130()
    {
        using var cancellation = new CancellationTokenSource();
        var cleanupToken = new CancellationToken(true);
        var set = new TargetSet().With("Playground", "Follow", "Teardown")
            .DependsOn("Follow", "Playground").After("Teardown", "Playground")
            .Does("Playground", async token =>
            {
                await cancellation.CancelAsync();
                await Task.Delay(Generous, token);
            })
            .Does("Teardown", token =>
            {
                cleanupToken = token;
                return Task.CompletedTask;
            });
        set["Teardown"].AssuredAfterFailure = true;

        var result = await Run(set.Plan("Follow", "Teardown"), cancellation: cancellation.Token);

        StatusOf(result, "Playground").Should().Be(TargetStatus.Aborted);
        StatusOf(result, "Follow").Should().Be(TargetStatus.NotRun);
        StatusOf(result, "Teardown").Should().Be(TargetStatus.Succeeded);
        cleanupToken.IsCancellationRequested.Should().BeFalse("clean-up must not be cancelled by the first Ctrl+C");
        result.ExitCode.Should().Be(ExitCodes.Cancelled);
    }

    [Fact]
    public async Task FalseDynamicCondition_SkipsTheTargetButNotItsDependents()
    {
        var dependencyRan = false;
        var set = new TargetSet().With("Seed", "Test").DependsOn("Test", "Seed")
            .Does("Seed", () => dependencyRan = true);
        set["Seed"].DynamicConditions.Add(() => false);

        var result = await Run(set.Plan("Test"));

        dependencyRan.Should().BeFalse();
        StatusOf(result, "Seed").Should().Be(TargetStatus.Skipped);
        StatusOf(result, "Test").Should().Be(TargetStatus.Succeeded);
    }

    [Fact]
    public async Task DynamicCondition_IsEvaluatedAfterTheTargetsBeforeIt()
    {
        var ready = false;
        var set = new TargetSet().With("Prepare", "Use").DependsOn("Use", "Prepare")
            .Does("Prepare", () => ready = true);
        set["Use"].DynamicConditions.Add(() => ready);

        var result = await Run(set.Plan("Use"));

        StatusOf(result, "Use").Should().Be(TargetStatus.Succeeded);
    }

    [Fact]
    public async Task SkippedTargets_DoNotRunButTheirDependentsDo()
    {
        var ran = new List<string>();
        var set = new TargetSet().With("Compile", "Test").DependsOn("Test", "Compile")
            .Does("Compile", () => ran.Add("Compile")).Does("Test", () => ran.Add("Test"));

        var result = await Run(set.Plan(set.Skipping("Compile"), "Test"));

        ran.Should().Equal("Test");
        StatusOf(result, "Compile").Should().Be(TargetStatus.Skipped);
        result.ExitCode.Should().Be(ExitCodes.Success);
    }

    [Fact]
    public async Task LogLines_WrittenByATarget_CarryItsName()
    {
        var sink = new RecordingSink();
        using var capture = Log.AddFlowSink(sink);
        var set = new TargetSet().With("Compile").Does("Compile", () => Log.Information("compiling"));

        await Run(set.Plan("Compile"));

        sink.Entries.Should().ContainSingle(entry => entry.Text == "compiling").Which.Target.Should().Be("Compile");
    }

    private static Func<CancellationToken, Task> SynchronousAction(Action action)
    {
        var definition = new Slipway.Engine.Definition.TargetDefinition();
        definition.Executes(action);
        return definition.Actions.Single();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
