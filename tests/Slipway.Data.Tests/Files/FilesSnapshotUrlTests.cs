using System.Formats.Tar;
using System.Web;
using Amazon.S3.Model;
using Slipway.Data;
using Slipway.Data.Files;
using Slipway.Data.Tests.Fixtures;

namespace Slipway.Data.Tests.Files;

/// <summary>
/// What a Fargate playground is handed: every S3 sync leaves <c>&lt;app&gt;/files.tar.gz</c> beside the files, and a
/// presigned URL of it answers a plain GET (no credentials) with what the store holds.
/// </summary>
public sealed class FilesSnapshotUrlTests(MotoS3Fixture moto) : IClassFixture<MotoS3Fixture>, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("slipway-snapshot-");

    private string Source => Path.Combine(_work.FullName, "source");

    [Fact]
    public async Task The_presigned_url_answers_with_a_tarball_of_what_the_store_holds_after_each_sync()
    {
        await moto.S3.PutBucketAsync("snapshot-files");
        var store = new S3FileStore(moto.S3, "snapshot-files", "team/", Path.Combine(_work.FullName, "cache"));
        byte[] logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF];
        Write("pictures/logo.png", logo);
        Write("old.txt", "gone tomorrow"u8.ToArray());

        await store.SyncAsync("shop", Source, CancellationToken.None);
        var first = (await store.SnapshotUrlAsync("shop", TimeSpan.FromHours(1), CancellationToken.None))!;
        var firstEntries = await FetchAsync(first.Url);
        File.Delete(Path.Combine(Source, "old.txt"));
        await store.SyncAsync("shop", Source, CancellationToken.None);
        var second = await FetchAsync((await store.SnapshotUrlAsync("shop", TimeSpan.FromHours(1), CancellationToken.None))!.Url);
        var stored = await moto.S3.GetObjectMetadataAsync("snapshot-files", "team/shop/files.tar.gz");

        store.HandsOutUrls.Should().BeTrue();
        first.Url.Query.Should().Contain("X-Amz-Signature=");
        int.Parse(HttpUtility.ParseQueryString(first.Url.Query)["X-Amz-Expires"]!).Should().BeInRange(3590, 3610, "an hour; the SDK counts it from its own, skew-corrected clock");
        first.Url.AbsolutePath.Should().EndWith("/team/shop/files.tar.gz");
        first.Bytes.Should().BePositive("the playground's probe waits longer for a larger tarball");
        (await store.SnapshotUrlAsync("shop", TimeSpan.FromHours(1), CancellationToken.None))!.Bytes.Should().Be(stored.ContentLength);
        firstEntries.Keys.Should().Equal("old.txt", "pictures/", "pictures/logo.png");
        firstEntries["pictures/logo.png"].Should().Equal(logo);
        second.Keys.Should().Equal("pictures/", "pictures/logo.png");
        second["pictures/logo.png"].Should().Equal(logo);
    }

    [Fact]
    public async Task A_store_synced_before_snapshots_gets_one_at_its_next_sync_and_an_app_never_synced_has_no_url()
    {
        await moto.S3.PutBucketAsync("older-files");
        var store = new S3FileStore(moto.S3, "older-files", "", Path.Combine(_work.FullName, "cache"));
        Write("a.txt", "a"u8.ToArray());
        await store.SyncAsync("shop", Source, CancellationToken.None);
        await moto.S3.DeleteObjectAsync("older-files", "shop/files.tar.gz");

        var before = await store.SnapshotUrlAsync("shop", TimeSpan.FromHours(1), CancellationToken.None);
        var unchanged = await store.SyncAsync("shop", Source, CancellationToken.None);
        var after = await store.SnapshotUrlAsync("shop", TimeSpan.FromHours(1), CancellationToken.None);

        before.Should().BeNull("no snapshot is stored");
        unchanged.Should().Be(new FileSyncReport(0, 0, 1));
        (await FetchAsync(after!.Url))["a.txt"].Should().Equal("a"u8.ToArray());
        (await store.SnapshotUrlAsync("never-synced", TimeSpan.FromHours(1), CancellationToken.None)).Should().BeNull();
        var keys = (await moto.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "older-files" })).S3Objects.Select(item => item.Key);
        keys.Should().Equal("shop/files.tar.gz", "shop/files/a.txt");
    }

    [Fact]
    public async Task A_snapshot_write_that_failed_after_the_files_were_sent_is_made_again_at_the_next_sync_though_nothing_changed()
    {
        await moto.S3.PutBucketAsync("failed-files");
        var failing = FailingSnapshotUpload.Around(moto.S3);
        var store = new S3FileStore(failing, "failed-files", "", Path.Combine(_work.FullName, "cache"));
        Write("a.txt", "first"u8.ToArray());
        await store.SyncAsync("shop", Source, CancellationToken.None);
        Write("a.txt", "second"u8.ToArray());

        ((FailingSnapshotUpload)(object)failing).FailNext = true;
        var failed = async () => await store.SyncAsync("shop", Source, CancellationToken.None);
        await failed.Should().ThrowAsync<DataException>();
        var stale = await FetchAsync((await store.SnapshotUrlAsync("shop", TimeSpan.FromHours(1), CancellationToken.None))!.Url);
        var retried = await store.SyncAsync("shop", Source, CancellationToken.None);
        var fresh = await FetchAsync((await store.SnapshotUrlAsync("shop", TimeSpan.FromHours(1), CancellationToken.None))!.Url);

        stale["a.txt"].Should().Equal("first"u8.ToArray(), "the failed sync sent the file but not the snapshot");
        retried.Should().Be(new FileSyncReport(0, 0, 1), "the file itself was sent by the failed sync");
        fresh["a.txt"].Should().Equal("second"u8.ToArray());
    }

    [Fact]
    public async Task A_missing_bucket_is_named_rather_than_read_as_no_snapshot()
    {
        var store = new S3FileStore(moto.S3, "no-such-files-bucket", "", Path.Combine(_work.FullName, "cache"));

        var asked = async () => await store.SnapshotUrlAsync("shop", TimeSpan.FromHours(1), CancellationToken.None);

        (await asked.Should().ThrowAsync<DataException>()).Which.Message.Should().Be("The bucket 'no-such-files-bucket' does not exist: create it or fix --dump-bucket.");
    }

    [Fact]
    public async Task A_local_store_hands_out_no_url()
    {
        var store = new LocalFileStore(Path.Combine(_work.FullName, "store"));
        Write("a.txt", "a"u8.ToArray());
        await store.SyncAsync("shop", Source, CancellationToken.None);

        store.HandsOutUrls.Should().BeFalse();
        (await store.SnapshotUrlAsync("shop", TimeSpan.FromHours(1), CancellationToken.None)).Should().BeNull();
    }

    public void Dispose() => _work.Delete(recursive: true);

    // The tarball as a task gets it; only folders and regular files, entry name → content (folders empty).
    private static async Task<SortedDictionary<string, byte[]>> FetchAsync(Uri url)
    {
        var entries = await Tarball.FetchAsync(url);
        entries.Select(entry => entry.Type).Should().OnlyContain(type => type == TarEntryType.RegularFile || type == TarEntryType.Directory);
        return new SortedDictionary<string, byte[]>(entries.ToDictionary(entry => entry.Name, entry => entry.Content), StringComparer.Ordinal);
    }

    private void Write(string path, byte[] content)
    {
        var full = Path.Combine(Source, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }
}
