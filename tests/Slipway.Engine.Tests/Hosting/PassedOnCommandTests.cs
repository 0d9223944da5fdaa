using Slipway.Engine.Parameters;
using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Hosting;

/// <summary>A command passed on after <c>--</c> (<c>./build.sh Run --branch x -- drush updb -y</c>) and its exit code.</summary>
public sealed class PassedOnCommandTests
{
    [Fact]
    public void Parse_WordsAfterALoneDoubleDash_AreNeitherTargetsNorOptions()
    {
        var arguments = CommandLineArguments.Parse(["Run", "--branch", "demo", "--", "drush", "--yes", "cim", "--", "-h"]);

        arguments.Targets.Should().Equal("Run");
        arguments.Find("branch")!.Values.Should().Equal("demo");
        arguments.Find("yes").Should().BeNull();
        arguments.Find("help").Should().BeNull();
        arguments.AfterSeparator.Should().Equal("drush", "--yes", "cim", "--", "-h");
    }

    [Fact]
    public void Parse_WithoutADoubleDash_PassesNothingOn()
    {
        CommandLineArguments.Parse(["Run", "--branch", "demo"]).AfterSeparator.Should().BeNull();
    }

    [Fact]
    public void Build_SeesTheWordsAfterTheDoubleDash()
    {
        using var runner = new RunnerFixture();

        runner.Run("Lint", "--branch", "demo", "--", "--branch", "other").Should().Be(ExitCodes.Success, runner.Error);

        runner.Build.Branch.Should().Be("demo");
        runner.Build.PassedOn.Should().Equal("--branch", "other");
    }

    [Fact]
    public void Build_FailingWithAPassedOnExitCode_EndsWithThatCode()
    {
        using var runner = new RunnerFixture();

        runner.Run("Exec", "--", "7").Should().Be(7);
        runner.Output.Should().Contain("The command ended with its own exit code.");
    }
}
