using Amazon.S3.Model;
using Slipway.Data.Files;
using Slipway.Data.Tests.Fixtures;

namespace Slipway.Data.Tests.Files;

public sealed class S3FileStoreTests(MotoS3Fixture moto) : IClassFixture<MotoS3Fixture>, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("slipway-s3files-");

    private string Source => Path.Combine(_work.FullName, "source");

    [Fact]
    public async Task Files_go_under_app_files_in_the_bucket_only_changes_are_sent_and_the_local_copy_follows()
    {
        await moto.S3.PutBucketAsync("team-files");
        var store = new S3FileStore(moto.S3, "team-files", "slipway/", Path.Combine(_work.FullName, "cache"));
        Write("logo.png", [0x89, 0x50, 0x4E, 0x47]);
        Write("pdf/terms.pdf", "%PDF-1.4"u8.ToArray());

        var first = await store.SyncAsync("shop", Source, CancellationToken.None);
        var copy = await store.LocalFolderAsync("shop", CancellationToken.None);
        var copiedTerms = await File.ReadAllBytesAsync(Path.Combine(copy!, "pdf", "terms.pdf"));
        File.Delete(Path.Combine(Source, "pdf", "terms.pdf"));
        Write("logo.png", [9, 9]);
        var second = await store.SyncAsync("shop", Source, CancellationToken.None);
        var third = await store.SyncAsync("shop", Source, CancellationToken.None);
        var keys = (await moto.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "team-files" })).S3Objects.Select(item => item.Key);
        var updated = await store.LocalFolderAsync("shop", CancellationToken.None);

        first.Should().Be(new FileSyncReport(2, 0, 0));
        copiedTerms.Should().Equal("%PDF-1.4"u8.ToArray());
        second.Should().Be(new FileSyncReport(1, 1, 0));
        third.Should().Be(new FileSyncReport(0, 0, 1));
        keys.Should().Equal("slipway/shop/files.tar.gz", "slipway/shop/files/logo.png");
        updated.Should().Be(copy);
        Directory.EnumerateFiles(updated!, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Should().Equal("logo.png");
        (await File.ReadAllBytesAsync(Path.Combine(updated!, "logo.png"))).Should().Equal(9, 9);
    }

    [Fact]
    public async Task An_app_never_synced_has_no_files_and_a_missing_bucket_is_named()
    {
        await moto.S3.PutBucketAsync("empty-files");
        Write("logo.png", [1]);

        (await new S3FileStore(moto.S3, "empty-files", "", Path.Combine(_work.FullName, "cache")).LocalFolderAsync("shop", CancellationToken.None)).Should().BeNull();
        var sync = () => new S3FileStore(moto.S3, "no-such-files", "", Path.Combine(_work.FullName, "cache")).SyncAsync("shop", Source, CancellationToken.None);
        (await sync.Should().ThrowAsync<DataException>()).Which.Message.Should().Be("The bucket 'no-such-files' does not exist: create it or fix --dump-bucket.");
    }

    public void Dispose() => _work.Delete(recursive: true);

    private void Write(string path, byte[] content)
    {
        var full = Path.Combine(Source, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }
}
