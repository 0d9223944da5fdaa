using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Hosting;

public sealed class BuildRunnerTests : IDisposable
{
    private readonly RunnerFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Run_TargetsSucceed_ExitsWithZeroAndSummarizes()
    {
        var exitCode = fixture.Run("compile");

        exitCode.Should().Be(ExitCodes.Success);
        fixture.Build.Ran.Should().Equal("Restore", "Compile");
        fixture.Output.Should().MatchRegex(@"Compile\s+Succeeded\s+\d+:\d\d\.\d\s+2 projects");
        fixture.Output.Should().Contain("Build succeeded on ");
    }

    [Fact]
    public void Run_WithoutTargetNames_RunsTheDefaultTarget()
    {
        fixture.Run().Should().Be(ExitCodes.Success);

        fixture.Build.Ran.Should().Equal("Restore", "Compile");
        fixture.Build.Invoked.Should().Equal("Compile");
    }

    [Fact]
    public void Run_TargetOption_IsAnAlternativeToPositionalNames()
    {
        fixture.Run("--target", "Restore").Should().Be(ExitCodes.Success);

        fixture.Build.Ran.Should().Equal("Restore");
    }

    [Fact]
    public void Run_RootDirectory_IsTheFolderHoldingNuke()
    {
        fixture.Run("Restore");

        fixture.Build.Root.Should().Be(fixture.Root);
    }

    [Fact]
    public void Run_TargetFails_ExitsWithOneAndShowsTheMessageWithoutStackTrace()
    {
        var exitCode = fixture.RunWith(new SampleBuild { FailCompile = true }, "Compile");

        exitCode.Should().Be(ExitCodes.TargetFailed);
        fixture.Output.Should().Contain("error: Compile failed: fix the code.");
        fixture.Output.Should().MatchRegex(@"Compile\s+Failed\s+\d+:\d\d\.\d\s+Compile failed: fix the code\.");
        fixture.Output.Should().Contain("Build failed on ");
        fixture.Output.Should().NotContain(" at Slipway.");
    }

    [Fact]
    public void Run_TargetReportsAFailedCheck_DependentsStillRunAndTheBuildExitsWithThree()
    {
        var exitCode = fixture.RunWith(new SampleBuild { FailCompileCheck = true }, "Playground", "--branch", "demo");

        exitCode.Should().Be(ExitCodes.ChecksFailed);
        fixture.Build.Ran.Should().Equal("Restore", "Compile", "Playground");
        fixture.Output.Should().MatchRegex(@"Compile\s+CheckFailed\s+\d+:\d\d\.\d\s+2 projects, 1 with warnings as errors");
        fixture.Output.Should().MatchRegex(@"Playground\s+Succeeded");
        fixture.Output.Should().Contain("Build ran to its end with failed checks (exit code 3) on ");
    }

    [Fact]
    public void Run_FailedCheckAndAFailedTarget_ExitsWithOne()
    {
        var exitCode = fixture.RunWith(new SampleBuild { FailCompileCheck = true, FailPlayground = true }, "Playground", "--branch", "demo");

        exitCode.Should().Be(ExitCodes.TargetFailed, "a broken target outweighs a red check");
        fixture.Output.Should().Contain("Build failed on ");
    }

    [Fact]
    public void Run_TargetFailsWithVerboseOutput_ShowsTheStackTrace()
    {
        fixture.RunWith(new SampleBuild { FailPlayground = true }, "Playground", "--branch", "demo", "--verbosity", "verbose");

        fixture.Output.Should().Contain("System.InvalidOperationException: The port is taken.").And.Contain(" at ");
    }

    [Fact]
    public void Run_DependencyFails_DependentIsNotRun()
    {
        fixture.RunWith(new SampleBuild { FailCompile = true }, "Playground", "--branch", "demo");

        fixture.Output.Should().MatchRegex(@"Playground\s+NotRun\s+Compile did not succeed");
    }

    [Fact]
    public void Run_UnknownTarget_ExitsWithTwoAndSuggestsTheClosest()
    {
        var exitCode = fixture.Run("Compil");

        exitCode.Should().Be(ExitCodes.UsageError);
        fixture.Error.Should().Contain("Unknown target 'Compil': did you mean 'Compile'?")
            .And.Contain("Available targets: Compile, Deploy, Exec, Lint, Playground, Restore, Slow, Teardown, Test.");
        fixture.Build.Ran.Should().BeEmpty();
    }

    [Fact]
    public void Run_UnknownOption_ExitsWithTwoAndSuggestsTheClosest()
    {
        fixture.Run("Playground", "--brnch", "demo").Should().Be(ExitCodes.UsageError);

        fixture.Error.Should().Contain("Unknown option '--brnch': did you mean '--branch'?");
    }

    [Theory]
    [InlineData("parameters.json", new string[0])]
    [InlineData("parameters.ci.json", new[] { "--profile", "ci" })]
    public void Run_ParametersFileWithAnUnknownName_ExitsWithTwoNamingItBeforeAnythingRuns(string file, string[] profile)
    {
        File.WriteAllText(fixture.Root / ".nuke" / file, """{ "$schema": "./build.schema.json", "Brnach": "demo" }""");

        var exitCode = fixture.Run(["Compile", .. profile]);

        exitCode.Should().Be(ExitCodes.UsageError);
        fixture.Error.Trim().Should().Be($"{file} sets 'Brnach', which is not a parameter: did you mean 'Branch'? Rename or remove it (--help lists the parameters).");
        fixture.Build.Ran.Should().BeEmpty();
    }

    [Fact]
    public void Run_ValueThatDoesNotConvert_ExitsWithTwoNamingTheAllowedValues()
    {
        fixture.Run("Compile", "--platform", "azure").Should().Be(ExitCodes.UsageError);

        fixture.Error.Trim().Should().Be("Parameter 'Platform' from the command line must be one of local, aws, not 'azure'.");
    }

    [Fact]
    public void Run_MissingRequiredParameter_ExitsWithTwoBeforeAnythingRuns()
    {
        var exitCode = fixture.Run("Playground");

        exitCode.Should().Be(ExitCodes.UsageError);
        fixture.Error.Trim().Should().Be("Target Playground requires parameter 'Branch': pass --branch <value> or set SLIPWAY_BRANCH.");
        fixture.Build.Ran.Should().BeEmpty();
    }

    [Fact]
    public void Run_RequiredParameterFromTheEnvironment_IsEnough()
    {
        fixture.Environment["SLIPWAY_BRANCH"] = "feature/x";

        fixture.Run("Playground").Should().Be(ExitCodes.Success);

        fixture.Build.Branch.Should().Be("feature/x");
    }

    [Fact]
    public void Run_FalseRequiredCondition_ShowsTheCondition()
    {
        fixture.Run("Deploy", "--retries", "0").Should().Be(ExitCodes.UsageError);

        fixture.Error.Trim().Should().Be("Target Deploy requires Retries > 0, which is false.");
    }

    [Fact]
    public void Run_Parameters_ReachTheBuildsFieldsAndProperties()
    {
        fixture.Run("Restore", "--retries", "5", "--tags", "a", "b", "--out", "site", "--api-token", "s3cr3t");

        fixture.Build.Retries.Should().Be(5);
        fixture.Build.Tags.Should().Equal("a", "b");
        fixture.Build.Output.Should().Be(fixture.Root / "site");
        fixture.Build.ApiToken.Should().Be("s3cr3t");
    }

    [Fact]
    public void Run_Cancelled_AbortsRunningTargetsRunsAssuredOnesAndExitsWith130()
    {
        var build = new SampleBuild();
        _ = build.SlowStarted.Task.ContinueWith(_ => fixture.Cancellation.Cancel(), TaskScheduler.Default);

        var exitCode = fixture.RunWith(build, "Slow", "Teardown");

        exitCode.Should().Be(ExitCodes.Cancelled);
        build.Ran.Should().Equal("Teardown");
        fixture.Output.Should().MatchRegex(@"Slow\s+Aborted").And.Contain("Build cancelled on ");
    }

    [Fact]
    public void Run_SkipOption_SkipsTheNamedTargets()
    {
        fixture.Run("Compile", "--skip", "Restore").Should().Be(ExitCodes.Success);

        fixture.Build.Ran.Should().Equal("Compile");
        fixture.Output.Should().MatchRegex(@"Restore\s+Skipped\s+skipped by --skip");
    }

    [Fact]
    public void Run_IndependentTargetsInParallel_PrefixTheirLinesWithTheTargetName()
    {
        fixture.Run("Lint", "Test").Should().Be(ExitCodes.Success);

        fixture.Output.Should().Contain("Lint | linting").And.Contain("Test | testing");
    }

    [Fact]
    public void Run_Sequential_DoesNotPrefixLines()
    {
        fixture.Run("Lint", "Test", "--sequential").Should().Be(ExitCodes.Success);

        fixture.Output.Should().Contain("\nlinting").And.NotContain("| linting");
    }

    [Fact]
    public void Run_Continue_SkipsWhatSucceededInTheLastIdenticalInvocation()
    {
        fixture.RunWith(new SampleBuild { FailPlayground = true }, "Playground", "--branch", "demo").Should().Be(ExitCodes.TargetFailed);

        var exitCode = fixture.Run("Playground", "--branch", "demo", "--continue");

        exitCode.Should().Be(ExitCodes.Success);
        fixture.Build.Ran.Should().Equal("Playground");
        fixture.Output.Should().MatchRegex(@"Compile\s+Skipped\s+succeeded in the last run");
    }

    [Fact]
    public void Run_ContinueAfterADifferentInvocation_RunsEverything()
    {
        fixture.Run("Playground", "--branch", "demo");

        fixture.Run("Playground", "--branch", "other", "--continue").Should().Be(ExitCodes.Success);

        fixture.Build.Ran.Should().Equal("Restore", "Compile", "Playground");
    }

    [Fact]
    public void Run_OwningTheProcess_ShowsLinesLoggedOutsideTheBuildsFlow()
    {
        fixture.OwnsProcess = true;

        fixture.Run("Detached").Should().Be(ExitCodes.Success);

        fixture.Output.Should().Contain("logged outside the build's flow");
    }

    [Fact]
    public void Run_BesideOtherBuilds_ShowsOnlyItsOwnFlowsLines()
    {
        fixture.Run("Detached").Should().Be(ExitCodes.Success);

        fixture.Output.Should().NotContain("logged outside the build's flow");
    }

    [Fact]
    public void Run_NoNukeFolder_IsAUsageError()
    {
        (fixture.Root / ".nuke").DeleteDirectory();

        fixture.Run("Compile").Should().Be(ExitCodes.UsageError);

        fixture.Error.Should().Contain("No .nuke folder found");
    }
}
