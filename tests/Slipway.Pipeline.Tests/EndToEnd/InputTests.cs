using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>Mistakes on the command line end as usage errors (exit code 2) with one sentence, before anything runs.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class InputTests(EndToEndFixture fixture)
{
    [Theory]
    [InlineData("feature..x")]
    [InlineData("feature x")]
    public async Task Build_WithAnInvalidBranch_ExitsWithTwoNamingIt(string branch)
    {
        var run = await fixture.BuildScript.RunAsync("Build", $"--branch={branch}");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Output.Should().Contain($"The branch name '{branch}' is not a valid git branch name");
        run.Output.Should().NotContain("==> Build", "nothing runs");
    }

    [Fact]
    public async Task PullRequest_WithAnInvalidBaseBranch_ExitsWithTwoNamingIt()
    {
        var run = await fixture.BuildScript.RunAsync("PullRequest", "--branch=main", "--base-branch=release..2");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Output.Should().Contain("--base-branch 'release..2' is not a valid git branch name");
        run.Output.Should().NotContain("==> Build", "nothing runs");
    }
}
