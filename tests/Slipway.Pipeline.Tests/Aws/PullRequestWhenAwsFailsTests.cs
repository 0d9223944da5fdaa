using System.Text.Json;
using Slipway.Pipeline.Tests.Aws.Fixtures;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Aws;

/// <summary>
/// ./build.sh PullRequest on --platform aws with a TCP proxy of the tests' own between Slipway and moto, which
/// refuses or resets connections from the first request of a phase on: the run fails with that phase's error
/// (not a clean-up's), writes its report listing the infrastructure failures, and names what it could not
/// remove; a Teardown that loses AWS too names its leftovers; once AWS answers, Teardown leaves nothing.
/// Stalls cost minutes of timeouts each, so they are proved closer in: WhenAwsFailsTests (Slipway.Aws.Tests)
/// and DockerClientPushFaultTests (Slipway.Docker.Tests).
/// </summary>
[Collection(AwsPipelineCollection.Name)]
public sealed class PullRequestWhenAwsFailsTests(AwsPipelineFixture fixture)
{
    private const string Ecs = "AmazonEC2ContainerServiceV20141113";

    private static readonly string[] CleanupActions = ["ecs:StopTask", "ecs:DeregisterTaskDefinition", "ecs:DeleteTaskDefinitions"];

    /// <summary>
    /// The phase, the request that starts it, the fault from then on, the action the run's first error names,
    /// and the fault of a first Teardown from its first DeregisterTaskDefinition on.
    /// </summary>
    public static TheoryData<string, string, ProxyFault, string, ProxyFault> Phases => new()
    {
        { "RunTask", $"{Ecs}.RunTask", ProxyFault.Reset, "ecs:RunTask", ProxyFault.Refuse },
        { "waiting for the task", $"{Ecs}.DescribeTasks", ProxyFault.Refuse, "ecs:DescribeTasks", ProxyFault.Reset },
        { "reading the log", "Logs_20140328.GetLogEvents", ProxyFault.Reset, "logs:GetLogEvents", ProxyFault.None },
    };

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task AWS_lost_at_a_phase_fails_the_run_with_that_phases_error_writes_the_report_and_Teardown_leaves_nothing(
        string phase, string firstRequest, ProxyFault fault, string action, ProxyFault teardownFault)
    {
        var branch = fixture.NewBranch("aws-fault");
        var census = new BranchCensus(fixture, branch);
        BuildScriptResult run;
        await using (var proxy = new FaultyProxy(fixture.Moto.Endpoint))
        await using (new TaskLogPlayer(fixture.Aws, AwsPipelineFixture.Cluster, AwsPipelineFixture.LogGroup, AwsPipelineFixture.App,
            [TaskScripts.Tests($"{census.Family}-tests"), TaskScripts.Analysis($"{census.Family}-analysis")]))
        {
            proxy.FaultFrom(firstRequest, fault);
            run = await fixture.BuildScript.RunAsync(["PullRequest", "--branch", branch, "--base-images", "offline", .. FaultArguments()], Through(proxy));
            proxy.Triggered.Should().BeGreaterThan(0, $"the run reached {phase}: {run}");
        }

        run.ExitCode.Should().Be(1, $"AWS was lost at {phase}: {run}");
        run.Output.Should().Contain($"for {action}", $"the {phase} failure is reported");
        var problems = ReportedProblems(run);
        problems.Where(problem => problem.Kind != "cleanupFailed").Should()
            .Contain(problem => problem.Message.Contains($"for {action}", StringComparison.Ordinal), run.ToString())
            .And.NotContain(problem => CleanupActions.Any(cleanup => FailureItself(problem.Message).Contains(cleanup, StringComparison.Ordinal)),
                "a clean-up's error never stands in for the first failure; it comes after it");
        problems.Where(problem => problem.Message.Contains("could not remove", StringComparison.OrdinalIgnoreCase)).Should().NotBeEmpty()
            .And.OnlyContain(
                problem => problem.Message.Contains($"./build.sh Teardown --branch {branch}", StringComparison.Ordinal),
                "what a clean-up could not remove is named with the command that removes it");

        await fixture.RecordPushesInEcrAsync(census.Slug);
        (await census.LeftoversAsync()).Should().NotBeEmpty("the run could not clean up after itself");
        if (teardownFault != ProxyFault.None)
        {
            await TeardownLosingAwsNamesItsLeftoversAsync(branch, teardownFault);
            (await census.LocalLeftoversAsync()).Should().BeEmpty("the images built here for AWS need nothing from AWS: they go even when it is lost");
        }

        await TeardownLeavesNothingAsync(branch, census);
    }

    [Fact]
    public async Task The_registry_lost_mid_push_fails_the_build_naming_the_registry_and_leaves_nothing()
    {
        var branch = fixture.NewBranch("aws-fault-push");
        var census = new BranchCensus(fixture, branch);
        BuildScriptResult run;
        string pushedTo;
        await using (var registry = new FaultyProxy(new Uri($"http://{fixture.Registry.Host}/")))
        {
            // The first layer upload is where a push moves data; from then on every connection is reset.
            registry.FaultFrom("/blobs/uploads/", ProxyFault.Reset);
            pushedTo = $"127.0.0.1:{registry.Url.Port}";
            run = await fixture.BuildScript.RunAsync(
                ["PullRequest", "--branch", branch, "--base-images", "offline", .. FaultArguments(registryHost: pushedTo)],
                fixture.AwsEnvironment);
            registry.Triggered.Should().BeGreaterThan(0, run.ToString());
        }

        run.ExitCode.Should().Be(1, run.ToString());
        run.Output.Should().Contain($"Pushing {pushedTo}/{AwsPipelineFixture.Repository}:", "the push failure names the registry").And.Contain("reset", run.ToString());
        ReportedProblems(run).Should().Contain(problem => problem.Kind == "stageFailed" && problem.Message.Contains($"Pushing {pushedTo}/", StringComparison.Ordinal));
        (await census.LeftoversAsync()).Where(left => left.Contains("task", StringComparison.Ordinal)).Should().BeEmpty("no task starts without its image");

        await TeardownLeavesNothingAsync(branch, census);
    }

    private async Task TeardownLosingAwsNamesItsLeftoversAsync(string branch, ProxyFault fault)
    {
        await using var proxy = new FaultyProxy(fixture.Moto.Endpoint);
        proxy.FaultFrom($"{Ecs}.DeregisterTaskDefinition", fault);

        var lost = await fixture.BuildScript.RunAsync(["Teardown", "--branch", branch, .. FaultArguments()], Through(proxy));

        proxy.Triggered.Should().BeGreaterThan(0, lost.ToString());
        lost.ExitCode.Should().Be(1, lost.ToString());
        lost.Output.Should().Contain("task definition arn:aws:ecs:", "Teardown names each resource it could not remove")
            .And.Contain("ecs:DeregisterTaskDefinition");
    }

    // Each call gives up after two attempts, and a wait that cannot reach AWS after 10 s, so that every fault ends soon.
    private IReadOnlyList<string> FaultArguments(string? registryHost = null)
    {
        var arguments = fixture.AwsArguments.ToList();
        if (registryHost is not null)
        {
            arguments[arguments.IndexOf("--aws-registry-host") + 1] = registryHost;
        }

        return [.. arguments, "--aws-unreachable-budget", "00:00:10"];
    }

    private Dictionary<string, string> Through(FaultyProxy proxy) => new(fixture.AwsEnvironment)
    {
        ["AWS_ENDPOINT_URL"] = proxy.Url.ToString(),
        ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = proxy.Url.ToString(),
        ["AWS_MAX_ATTEMPTS"] = "2",
    };

    private async Task TeardownLeavesNothingAsync(string branch, BranchCensus census)
    {
        await fixture.RecordPushesInEcrAsync(census.Slug);
        var teardown = await fixture.BuildScript.RunAsync(["Teardown", "--branch", branch, .. fixture.AwsArguments], fixture.AwsEnvironment);

        teardown.ExitCode.Should().Be(0, teardown.ToString());
        (await census.LeftoversAsync()).Should().BeEmpty("Teardown, once AWS answers, removes everything of the branch");
        (await census.LocalLeftoversAsync()).Should().BeEmpty("and what the build left on the local engine");
    }

    // A stage's failure, without what its clean-up could not remove, which is added after it.
    private static string FailureItself(string message) => message.Split(" Could not remove ")[0];

    private static IReadOnlyList<(string Kind, string Message)> ReportedProblems(BuildScriptResult run)
    {
        var folder = EndToEndFixture.RunFolderIn(run);
        File.Exists(Path.Combine(folder, "report.md")).Should().BeTrue("a report is written for every run that started");
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        report.RootElement.GetProperty("hasInfrastructureFailure").GetBoolean().Should().BeTrue();
        return report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(problem => (problem.GetProperty("kind").GetString()!, problem.GetProperty("message").GetString()!))
            .ToList();
    }
}
