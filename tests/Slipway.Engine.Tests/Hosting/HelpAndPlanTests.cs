using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Hosting;

public sealed class HelpAndPlanTests : IDisposable
{
    private readonly RunnerFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Help_ListsTargetsWithDependenciesDescriptionsAndTheDefault()
    {
        fixture.Run("--help").Should().Be(ExitCodes.Success);

        fixture.Output.Should().MatchRegex(@"Compile \(default\) -> Restore\s+Compiles\.");
        fixture.Output.Should().MatchRegex(@"Playground -> Compile\s+Serves the branch\.");
        fixture.Output.Should().NotContain("Internal", "unlisted targets are hidden");
        fixture.Build.Ran.Should().BeEmpty();
    }

    [Fact]
    public void Help_ShowsParametersWithDescriptionsAndWhereTheirValuesCameFrom()
    {
        fixture.Environment["SLIPWAY_RETRIES"] = "9";

        fixture.Run("--help", "--branch", "demo");

        fixture.Output.Should().MatchRegex(@"--branch <value>\s+The branch to build\. \[demo, command line\]");
        fixture.Output.Should().Contain("How often to retry. [9, SLIPWAY_RETRIES]");
        fixture.Output.Should().Contain("--platform <local|aws>").And.Contain("[local, default]");
        fixture.Output.Should().Contain("--max-parallel <number>");
    }

    [Fact]
    public void Help_NeverShowsASecretsValue()
    {
        fixture.Environment["API_TOKEN"] = "s3cr3t-value";

        fixture.Run("--help");

        fixture.Output.Should().Contain("The API token. Secret: set SLIPWAY_API_TOKEN or SLIPWAY_API_TOKEN_FILE. [(secret), API_TOKEN]")
            .And.NotContain("s3cr3t-value");
    }

    [Fact]
    public void Help_SaysSecretsCanComeFromTheEnvironmentOrAFile_NotTheCommandLine()
    {
        fixture.Run("--help");

        fixture.Output.Should().Contain("Secrets are read from the environment too, or from the file SLIPWAY_NAME_FILE names")
            .And.Contain("every user of the machine can see them with ps");
    }

    [Fact]
    public void SecretFromTheFileItsFileVariableNames_IsUsedAndNeverShown()
    {
        var file = fixture.Root / "api-token";
        File.WriteAllText(file, "s3cr3t-from-file\n");
        fixture.Environment["SLIPWAY_API_TOKEN_FILE"] = file;
        var build = new SampleBuild();

        fixture.RunWith(build, "--help").Should().Be(ExitCodes.Success);

        build.ApiToken.Should().Be("s3cr3t-from-file");
        fixture.Output.Should().Contain("[(secret), SLIPWAY_API_TOKEN_FILE]").And.NotContain("s3cr3t-from-file");
    }

    [Fact]
    public void SecretFileThatCannotBeRead_IsAUsageErrorNamingTheVariable()
    {
        fixture.Environment["SLIPWAY_API_TOKEN_FILE"] = "/nonexistent/api-token";

        fixture.Run("--help").Should().Be(ExitCodes.UsageError);

        fixture.Error.Should().StartWith("SLIPWAY_API_TOKEN_FILE names '/nonexistent/api-token', which cannot be read");
    }

    [Fact]
    public void SecretOnTheCommandLine_WarnsThatPsShowsIt()
    {
        fixture.OwnsProcess = true;
        fixture.Run("Compile", "--api-token", "s3cr3t-value").Should().Be(ExitCodes.Success);

        fixture.Output.Should().Contain("warning: --api-token on the command line can be read by every user of this machine (ps); set SLIPWAY_API_TOKEN or SLIPWAY_API_TOKEN_FILE instead.")
            .And.NotContain("s3cr3t-value");
    }

    [Fact]
    public void Plan_ShowsWavesOfTargetsThatRunTogether_AndRunsNothing()
    {
        fixture.Run("Playground", "Lint", "--branch", "demo", "--plan").Should().Be(ExitCodes.Success);

        fixture.Output.Should().Contain("wave 1: Lint | Restore")
            .And.Contain("wave 2: Compile (after Restore)")
            .And.Contain("wave 3: Playground (after Compile)");
        fixture.Build.Ran.Should().BeEmpty();
    }

    [Fact]
    public void Plan_ShowsSkippedTargets()
    {
        fixture.Run("Compile", "--skip", "Restore", "--plan");

        fixture.Output.Should().Contain("skipped: Restore (skipped by --skip)");
    }

    [Fact]
    public void Schema_IsWrittenWithParametersAndTargetNames()
    {
        fixture.Run("--help");

        var schema = File.ReadAllText(fixture.Root / ".nuke" / "build.schema.json");
        schema.Should().Contain("\"Branch\"").And.Contain("\"The branch to build.\"");
        schema.Should().MatchRegex("\"Platform\": \\{\\s+\"type\": \"string\",\\s+\"enum\": \\[\\s+\"Local\",\\s+\"Aws\"");
        schema.Should().MatchRegex("\"Retries\": \\{\\s+\"type\": \"integer\"");
        schema.Should().Contain("\"$ref\": \"#/definitions/TargetName\"").And.Contain("\"Playground\"");
    }

    [Fact]
    public void Schema_IsNotRewrittenWhenItsContentIsTheSame()
    {
        fixture.Run("--help");
        var schema = fixture.Root / ".nuke" / "build.schema.json";
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(schema, longAgo);

        fixture.Run("--help");

        File.GetLastWriteTimeUtc(schema).Should().Be(longAgo);
    }
}
