using System.Diagnostics;
using Slipway.Git;
using Slipway.Git.Processes;
using Slipway.Service.Apps;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Apps;

public sealed class GitRemoteBranchListerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly GitRemoteBranchLister _lister;

    public GitRemoteBranchListerTests() => _lister = new GitRemoteBranchLister(new GitCli(new ProcessRunner()), _folder.Path, TimeProvider.System);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ListAsync_BareRepository_ListsItsBranchesSorted()
    {
        var remote = LocalRepositories.CreateBare(_folder, "site.git", "main", "feature/search", "feature/login");

        var branches = await _lister.ListAsync(remote, CancellationToken.None);

        branches.Should().Equal("feature/login", "feature/search", "main");
    }

    [Fact]
    public async Task ListAsync_PlainFolder_HasNoBranches()
    {
        Directory.CreateDirectory(_folder.Combine("plain"));

        (await _lister.ListAsync(_folder.Combine("plain"), CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task ListAsync_UnreachableRemote_SaysWhichWithoutItsCredentials()
    {
        var list = () => _lister.ListAsync("http://builder:hunter2-secret@127.0.0.1:9/acme/site.git", CancellationToken.None);

        (await list.Should().ThrowAsync<BranchListingException>())
            .Which.Message.Should().StartWith("The branches of http://***@127.0.0.1:9/acme/site.git could not be listed").And.NotContain("hunter2-secret");
    }
}

/// <summary>Real git repositories made with the git CLI, for tests that read remotes.</summary>
public static class LocalRepositories
{
    /// <summary>A bare repository with one commit and the given branches on it; returns its path.</summary>
    public static string CreateBare(TemporaryFolder folder, string name, params string[] branches)
    {
        var work = folder.Combine(name + "-work");
        var bare = folder.Combine(name);
        Directory.CreateDirectory(work);
        Git(work, "init", "-q", "-b", branches[0]);
        File.WriteAllText(Path.Combine(work, "index.php"), "<?php echo 'hello';\n");
        Git(work, "add", ".");
        Git(work, "-c", "user.name=Slipway Tests", "-c", "user.email=tests@slipway.invalid", "commit", "-q", "-m", "feat: first page");
        foreach (var branch in branches.Skip(1))
        {
            Git(work, "branch", branch);
        }

        Git(folder.Path, "clone", "-q", "--bare", work, bare);
        return bare;
    }

    /// <summary>Runs git in <paramref name="directory"/>; a failure throws with git's own message.</summary>
    public static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
