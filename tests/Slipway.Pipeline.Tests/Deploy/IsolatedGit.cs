using Slipway.Git;
using Slipway.Git.Processes;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>The real git for a test's own repositories: no machine configuration, fixed people.</summary>
public static class IsolatedGit
{
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_AUTHOR_NAME"] = "Ada Author",
        ["GIT_AUTHOR_EMAIL"] = "ada@example.test",
        ["GIT_COMMITTER_NAME"] = "Cy Committer",
        ["GIT_COMMITTER_EMAIL"] = "cy@example.test",
    };

    public static GitCli Cli { get; } = new(new ProcessRunner(Environment));

    /// <summary>Runs git in a folder and returns its trimmed output; fails the test when git fails.</summary>
    public static async Task<string> RunAsync(string folder, params string[] arguments) =>
        (await Cli.RunAsync(folder, arguments, CancellationToken.None)).Trim();

    /// <summary>Runs git with extra variables for this call.</summary>
    public static async Task<string> RunAsync(string folder, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        (await Cli.RunAsync(folder, arguments, CancellationToken.None, environment)).Trim();
}
