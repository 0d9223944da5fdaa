using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests;

public sealed class GitCliTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task RunAsync_GitFails_ThrowsWithGitsOwnReasonAndNoCredentials()
    {
        var act = () => TestGit.Cli.RunAsync(
            temp.Path,
            ["ls-remote", "https://builder:tok3n-value@127.0.0.1:1/app.git"],
            CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<GitCommandException>()).Which;
        failure.Message.Should().StartWith("git ls-remote failed: ").And.Contain("127.0.0.1");
        failure.Message.Should().NotContain("tok3n-value");
        failure.StandardError.Should().NotContain("tok3n-value");
    }

    [Fact]
    public async Task RunAsync_GitSucceeds_ReturnsItsOutput()
    {
        var output = await TestGit.Cli.RunAsync(temp.Path, ["--version"], CancellationToken.None);

        output.Should().StartWith("git version ");
    }

    [Fact]
    public async Task TryRunAsync_ExtTransport_NeverRunsItsCommandEvenWhereGitConfigAllowsIt()
    {
        // ext:: runs a command of the URL's choosing; a user's or system's git config may allow it, Slipway never does.
        var marker = temp.Combine("ext-ran");
        var allowEverything = new Dictionary<string, string?>
        {
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = "protocol.ext.allow",
            ["GIT_CONFIG_VALUE_0"] = "always",
        };

        var result = await TestGit.Cli.TryRunAsync(temp.Path, ["ls-remote", "--", $"ext::sh -c touch% {marker}"], CancellationToken.None, allowEverything);

        result.Succeeded.Should().BeFalse();
        File.Exists(marker).Should().BeFalse();
    }
}
