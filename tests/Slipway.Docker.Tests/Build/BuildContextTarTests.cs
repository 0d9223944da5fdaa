using System.Formats.Tar;
using System.Text;
using Slipway.Docker.Build;
using Slipway.Docker.Tests.Fixtures;

namespace Slipway.Docker.Tests.Build;

public sealed class BuildContextTarTests : IDisposable
{
    private readonly TemporaryFolder source = new();

    public void Dispose() => source.Dispose();

    [Fact]
    public async Task WriteTarAsync_PartsAssembled_PlacesEachFolderAtItsPathAndLeavesOutItsExcludes()
    {
        source.Write("index.php", "<?php echo 'hi';");
        source.Write("vendor/autoload.php", "<?php // autoload");
        source.Write(".git/HEAD", "ref: refs/heads/main");
        source.Write("web/themes/custom/node_modules/x/index.js", "x");
        source.Write("web/themes/custom/package.json", "{}");
        var context = new BuildContext()
            .AddFile("Dockerfile", "FROM scratch\n")
            .AddFolder(Path.Combine(source.Path, "vendor"), "vendor")
            .AddFolder(source.Path, "code", ExcludePatterns.AnyDepth(["vendor", ".git", "node_modules"]));

        var entries = await ReadEntriesAsync(context);

        entries.Keys.Should().BeEquivalentTo(
            "Dockerfile",
            "vendor/",
            "vendor/autoload.php",
            "code/",
            "code/index.php",
            "code/web/",
            "code/web/themes/",
            "code/web/themes/custom/",
            "code/web/themes/custom/package.json");
        entries["Dockerfile"].Content.Should().Be("FROM scratch\n");
        entries["vendor/autoload.php"].Content.Should().Be("<?php // autoload");
    }

    [Fact]
    public async Task WriteTarAsync_KeepsModesAndModificationTimesAndWritesRootAsOwner()
    {
        var script = source.Write("bin/run.sh", "#!/bin/sh\necho run\n");
        File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("750", 8));
        var modified = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(script, modified);

        var entries = await ReadEntriesAsync(new BuildContext().AddFolder(source.Path, string.Empty));

        var entry = entries["bin/run.sh"];
        entry.Mode.Should().Be((UnixFileMode)Convert.ToInt32("750", 8));
        entry.Modified.UtcDateTime.Should().Be(modified);
        entry.Uid.Should().Be(0);
        entry.Gid.Should().Be(0);
    }

    [Fact]
    public async Task WriteTarAsync_StoresSymbolicLinksAsLinks()
    {
        source.Write("releases/1/index.php", "<?php");
        File.CreateSymbolicLink(Path.Combine(source.Path, "current"), "releases/1");

        var entries = await ReadEntriesAsync(new BuildContext().AddFolder(source.Path, string.Empty));

        entries["current"].Type.Should().Be(TarEntryType.SymbolicLink);
        entries["current"].LinkName.Should().Be("releases/1");
        entries.Keys.Should().NotContain(key => key.StartsWith("current/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteTarAsync_LongPathsSurviveWhole()
    {
        var longPath = string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 6)) + "/file.txt";
        source.Write(longPath, "deep");

        var entries = await ReadEntriesAsync(new BuildContext().AddFolder(source.Path, string.Empty));

        entries[longPath].Content.Should().Be("deep");
    }

    [Fact]
    public async Task FromFolder_HonoursDockerignoreButAlwaysSendsTheDockerfile()
    {
        source.Write("Dockerfile", "FROM scratch\n");
        source.Write(".dockerignore", "Dockerfile\n*.log\nsecrets/\n!secrets/public.txt\n");
        source.Write("app.php", "<?php");
        source.Write("debug.log", "noise");
        source.Write("secrets/key.pem", "private");
        source.Write("secrets/public.txt", "public");

        var entries = await ReadEntriesAsync(BuildContext.FromFolder(source.Path));

        entries.Keys.Should().BeEquivalentTo("Dockerfile", ".dockerignore", "app.php", "secrets/public.txt");
    }

    [Fact]
    public async Task WriteTarAsync_InMemoryFileComesAfterAHostFileAtTheSamePath()
    {
        source.Write("Dockerfile", "FROM host\n");
        var context = new BuildContext().AddFolder(source.Path, string.Empty).AddFile("Dockerfile", "FROM memory\n");

        var names = new List<string>();
        await foreach (var entry in ReadAllAsync(context))
        {
            names.Add(entry.Name + "=" + entry.Content);
        }

        names.Should().EndWith("Dockerfile=FROM memory\n");
    }

    [Fact]
    public void AddFile_PathLeavingTheContext_IsRefused()
    {
        var add = () => new BuildContext().AddFile("../Dockerfile", "FROM scratch");

        add.Should().Throw<ArgumentException>().WithMessage("*leaves the build context*");
    }

    [Fact]
    public void AddFolder_MissingFolder_NamesIt()
    {
        var missing = Path.Combine(source.Path, "nope");

        var add = () => new BuildContext().AddFolder(missing, "code");

        add.Should().Throw<DirectoryNotFoundException>().WithMessage($"*{missing}*");
    }

    private static async Task<Dictionary<string, TarItem>> ReadEntriesAsync(BuildContext context)
    {
        var entries = new Dictionary<string, TarItem>();
        await foreach (var entry in ReadAllAsync(context))
        {
            entries[entry.Name] = entry;
        }

        return entries;
    }

    private static async IAsyncEnumerable<TarItem> ReadAllAsync(BuildContext context)
    {
        using var tar = new MemoryStream();
        await context.WriteTarAsync(tar, CancellationToken.None);
        tar.Position = 0;
        using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            string? content = null;
            if (entry.DataStream is not null)
            {
                using var text = new StreamReader(entry.DataStream, Encoding.UTF8);
                content = await text.ReadToEndAsync();
            }

            yield return new TarItem(entry.Name, entry.EntryType, entry.Mode, entry.ModificationTime, entry.Uid, entry.Gid, entry.LinkName, content);
        }
    }

    private sealed record TarItem(
        string Name,
        TarEntryType Type,
        UnixFileMode Mode,
        DateTimeOffset Modified,
        int Uid,
        int Gid,
        string LinkName,
        string? Content);
}
