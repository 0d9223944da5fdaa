using System.Runtime.Versioning;
using Slipway.Git.Checkout;
using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests.Checkout;

// The executable bit of hook scripts is part of what a mirror keeps.
[UnsupportedOSPlatform("windows")]
public sealed class FolderCheckoutTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc);
    private readonly TempFolder temp = new();
    private readonly SourceCheckout checkout = new(TestGit.Cli);

    public FolderCheckoutTests()
    {
        WriteSource("index.php", "<?php echo 'hello';\n");
        WriteSource("web/themes/site/site.info.yml", "name: Site\n");
        WriteSource("devops_hooks/10-cache.sh", "#!/bin/sh\ndrush cr\n");
        File.SetUnixFileMode(SourcePath("devops_hooks/10-cache.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
    }

    private string Source => temp.Combine("site");

    private string Work => temp.Combine("work", "site", "src");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task CheckOut_PlainFolder_CopiesItsFilesAndReportsAContentHash()
    {
        var result = await CheckOutAsync("feature/x");

        File.ReadAllText(WorkPath("index.php")).Should().Be("<?php echo 'hello';\n");
        File.ReadAllText(WorkPath("web/themes/site/site.info.yml")).Should().Be("name: Site\n");
        File.GetUnixFileMode(WorkPath("devops_hooks/10-cache.sh")).Should().HaveFlag(UnixFileMode.UserExecute);
        result.IsCommit.Should().BeFalse();
        result.Revision.Should().MatchRegex("^[0-9a-f]{40}$");
        result.Branch.Should().Be("feature/x");
        result.RemoteUrl.Should().BeNull();
    }

    [Fact]
    public async Task CheckOut_PlainFolderWithoutBranch_ReportsTheLocalBranch()
    {
        var result = await CheckOutAsync(branch: null);

        result.Branch.Should().Be(CheckoutResult.FolderBranch);
    }

    [Fact]
    public async Task CheckOut_SecondRun_LeavesUnchangedFilesAloneAndMirrorsChanges()
    {
        await CheckOutAsync("main");
        File.SetLastWriteTimeUtc(WorkPath("index.php"), LongAgo);
        File.SetLastWriteTimeUtc(WorkPath("web/themes/site/site.info.yml"), LongAgo);
        // A fresh clone or an editor's save touches files without changing them.
        File.SetLastWriteTimeUtc(SourcePath("index.php"), DateTime.UtcNow);
        WriteSource("web/themes/site/site.info.yml", "name: Site v2\n");
        WriteSource("web/modules/custom/new/new.module", "<?php\n");
        File.Delete(SourcePath("devops_hooks/10-cache.sh"));

        await CheckOutAsync("main");

        File.GetLastWriteTimeUtc(WorkPath("index.php")).Should().Be(LongAgo, "an unchanged file is not rewritten");
        File.ReadAllText(WorkPath("web/themes/site/site.info.yml")).Should().Be("name: Site v2\n");
        File.Exists(WorkPath("web/modules/custom/new/new.module")).Should().BeTrue();
        File.Exists(WorkPath("devops_hooks/10-cache.sh")).Should().BeFalse("a file removed from the app is removed from the work folder");
    }

    [Fact]
    public async Task CheckOut_SecondRun_KeepsTheWorkFoldersBuildOutputs()
    {
        await CheckOutAsync("main");
        WriteWork("vendor/autoload.php", "<?php // composer install\n");
        WriteWork("web/themes/site/node_modules/pkg/index.js", "// npm ci\n");
        WriteWork("web/themes/site/dist/site.css", "body{}\n");

        await CheckOutAsync("main");

        File.Exists(WorkPath("vendor/autoload.php")).Should().BeTrue();
        File.Exists(WorkPath("web/themes/site/node_modules/pkg/index.js")).Should().BeTrue();
        File.Exists(WorkPath("web/themes/site/dist/site.css")).Should().BeTrue();
    }

    [Fact]
    public async Task CheckOut_SourceBuildOutputsAndGit_AreNotCopiedIn()
    {
        WriteSource("vendor/local-only.php", "<?php\n");
        WriteSource("web/themes/site/node_modules/pkg/index.js", "//\n");
        WriteSource("web/modules/custom/mod/.git/HEAD", "ref: refs/heads/main\n");

        await CheckOutAsync("main");

        Directory.Exists(WorkPath("vendor")).Should().BeFalse();
        Directory.Exists(WorkPath("web/themes/site/node_modules")).Should().BeFalse();
        Directory.Exists(WorkPath("web/modules/custom/mod/.git")).Should().BeFalse();
    }

    [Fact]
    public async Task CheckOut_SameContentElsewhere_GivesTheSameHashAndAChangeGivesAnother()
    {
        var first = await CheckOutAsync("main");
        CopyFolder(Source, temp.Combine("copy"));
        var copy = await checkout.CheckOutAsync(AppSource.Resolve(temp.Combine("copy"), "main", null), temp.Combine("work2"), CancellationToken.None);
        WriteSource("index.php", "<?php echo 'changed';\n");
        var changed = await CheckOutAsync("main");

        copy.Revision.Should().Be(first.Revision);
        changed.Revision.Should().NotBe(first.Revision);
    }

    [Fact]
    public async Task CheckOut_BuildOutputsChange_KeepTheSameHash()
    {
        var before = await CheckOutAsync("main");
        WriteSource("vendor/autoload.php", "<?php\n");

        var after = await CheckOutAsync("main");

        after.Revision.Should().Be(before.Revision);
    }

    [Fact]
    public async Task CheckOut_WorkFolderInsideTheSource_IsNotCopiedIntoItself()
    {
        var work = Path.Combine(Source, ".nuke", "temp", "work", "src");

        await checkout.CheckOutAsync(AppSource.Resolve(Source, "main", null), work, CancellationToken.None);
        await checkout.CheckOutAsync(AppSource.Resolve(Source, "main", null), work, CancellationToken.None);

        File.Exists(Path.Combine(work, "index.php")).Should().BeTrue();
        Directory.Exists(Path.Combine(work, ".nuke")).Should().BeFalse("the folders holding the work folder are not app content");
    }

    private Task<CheckoutResult> CheckOutAsync(string? branch) =>
        checkout.CheckOutAsync(AppSource.Resolve(Source, branch, null), Work, CancellationToken.None);

    private string SourcePath(string relativePath) => Path.Combine(Source, relativePath);

    private string WorkPath(string relativePath) => Path.Combine(Work, relativePath);

    private void WriteSource(string relativePath, string content) => Write(SourcePath(relativePath), content);

    private void WriteWork(string relativePath, string content) => Write(WorkPath(relativePath), content);

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
