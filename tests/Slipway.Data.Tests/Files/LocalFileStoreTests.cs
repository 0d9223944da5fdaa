using Slipway.Data.Files;

namespace Slipway.Data.Tests.Files;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("slipway-files-");

    private string Source => Path.Combine(_work.FullName, "source");

    private string StoreRoot => Path.Combine(_work.FullName, "store");

    [Fact]
    public async Task Sync_copies_new_and_changed_files_skips_unchanged_ones_and_removes_what_the_source_no_longer_has()
    {
        var store = new LocalFileStore(StoreRoot);
        Write("logo.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF]);
        Write("styles/thumb/logo.png", [1, 2, 3]);
        Write("old.txt", "gone tomorrow"u8.ToArray());

        var first = await store.SyncAsync("shop", Source, CancellationToken.None);
        File.Delete(Path.Combine(Source, "old.txt"));
        Write("styles/thumb/logo.png", [4, 5, 6, 7]);
        var second = await store.SyncAsync("shop", Source, CancellationToken.None);

        first.Should().Be(new FileSyncReport(3, 0, 0));
        second.Should().Be(new FileSyncReport(1, 1, 1));
        var folder = await store.LocalFolderAsync("shop", CancellationToken.None);
        folder.Should().Be(Path.Combine(StoreRoot, "shop"));
        Directory.EnumerateFiles(folder!, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(folder!, path))
            .Should().BeEquivalentTo("logo.png", Path.Combine("styles", "thumb", "logo.png"));
        (await File.ReadAllBytesAsync(Path.Combine(folder!, "styles", "thumb", "logo.png"))).Should().Equal(4, 5, 6, 7);
    }

    [Fact]
    public async Task A_link_in_the_source_is_not_followed()
    {
        var outside = Path.Combine(_work.FullName, "host-secret.txt");
        await File.WriteAllTextAsync(outside, "not for the playground");
        Write("logo.png", [1]);
        File.CreateSymbolicLink(Path.Combine(Source, "leak.txt"), outside);

        await new LocalFileStore(StoreRoot).SyncAsync("shop", Source, CancellationToken.None);

        Directory.EnumerateFiles(Path.Combine(StoreRoot, "shop")).Select(Path.GetFileName).Should().Equal("logo.png");
    }

    [Fact]
    public async Task An_app_never_synced_has_no_files_and_a_missing_source_is_named()
    {
        var store = new LocalFileStore(StoreRoot);

        (await store.LocalFolderAsync("shop", CancellationToken.None)).Should().BeNull();
        var sync = () => store.SyncAsync("shop", Path.Combine(_work.FullName, "nowhere"), CancellationToken.None);
        (await sync.Should().ThrowAsync<DataException>()).Which.Message
            .Should().Be($"The files source folder {Path.Combine(_work.FullName, "nowhere")} does not exist: fix --files-source.");
    }

    public void Dispose() => _work.Delete(recursive: true);

    private void Write(string path, byte[] content)
    {
        var full = Path.Combine(Source, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }
}
