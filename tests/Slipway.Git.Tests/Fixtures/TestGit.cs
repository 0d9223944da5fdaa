using Slipway.Git.Processes;

namespace Slipway.Git.Tests.Fixtures;

/// <summary>The real git, isolated from this machine's configuration, with fixed identities and dates.</summary>
public static class TestGit
{
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_AUTHOR_NAME"] = "Ada Author",
        ["GIT_AUTHOR_EMAIL"] = "ada@example.test",
        ["GIT_AUTHOR_DATE"] = "2026-01-02T03:04:05Z",
        ["GIT_COMMITTER_NAME"] = "Cy Committer",
        ["GIT_COMMITTER_EMAIL"] = "cy@example.test",
        ["GIT_COMMITTER_DATE"] = "2026-01-02T03:04:05Z",
    };

    public static ProcessRunner Runner { get; } = new(Environment);

    public static GitCli Cli { get; } = new(Runner);

    /// <summary>Runs git in a folder and returns its trimmed output; fails the test when git fails.</summary>
    public static async Task<string> RunAsync(string folder, params string[] arguments) =>
        (await Cli.RunAsync(folder, arguments, CancellationToken.None)).Trim();
}
