using Amazon.S3.Model;
using Slipway.Data.Files;
using Slipway.Data.Tests.Fixtures;

namespace Slipway.Data.Tests.Files;

/// <summary>A bucket prefix as the files source (the development server pushes its files there), against moto's S3.</summary>
public sealed class S3FilesSourceTests(MotoS3Fixture moto) : IClassFixture<MotoS3Fixture>, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("slipway-s3source-");

    private string Copies => Path.Combine(_work.FullName, "files-sources");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task The_prefix_is_mirrored_into_the_store_fetching_only_objects_whose_size_or_etag_changed_and_removing_deleted_ones()
    {
        await moto.S3.PutBucketAsync("dev-pushes");
        await PutAsync("dev-pushes", "shop/files/logo.png", "png-1");
        await PutAsync("dev-pushes", "shop/files/pdf/terms.pdf", "%PDF-1.4 terms");
        await PutAsync("dev-pushes", "shop/files/old.txt", "gone tomorrow");
        await PutAsync("dev-pushes", "shop/files/styles/", "");
        await PutAsync("dev-pushes", "shop/files-old/not-ours.txt", "another prefix");
        var source = new S3FilesSource("dev-pushes", "shop/files/");
        var mirror = new S3FilesMirror(moto.S3, Copies);
        var store = new LocalFileStore(Path.Combine(_work.FullName, "store"));
        var sync = new FilesSync(Sources("shop=s3://dev-pushes/shop/files"), store, mirror);

        var first = await sync.SyncAsync("shop", CancellationToken.None);
        await moto.S3.DeleteObjectAsync("dev-pushes", "shop/files/old.txt");
        await PutAsync("dev-pushes", "shop/files/logo.png", "png-2");
        await PutAsync("dev-pushes", "shop/files/new.css", "body{}");
        var fetched = (await mirror.FetchAsync("shop", source, CancellationToken.None)).Fetched;
        var second = await sync.SyncAsync("shop", CancellationToken.None);
        var unchanged = (await mirror.FetchAsync("shop", source, CancellationToken.None)).Fetched;

        first.Should().Be(new FileSyncReport(3, 0, 0));
        fetched.Should().Be(new FileSyncReport(2, 1, 1), "logo.png (new ETag) and new.css are fetched, old.txt removed, terms.pdf left");
        second.Should().Be(new FileSyncReport(2, 1, 1));
        unchanged.Should().Be(new FileSyncReport(0, 0, 3));
        var stored = Path.Combine(_work.FullName, "store", "shop");
        Directory.EnumerateFiles(stored, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(stored, path))
            .Should().BeEquivalentTo("logo.png", "new.css", Path.Combine("pdf", "terms.pdf"));
        (await File.ReadAllTextAsync(Path.Combine(stored, "logo.png"))).Should().Be("png-2");
    }

    [Fact]
    public async Task A_bucket_source_reaches_the_bucket_store_under_the_apps_own_prefix()
    {
        await moto.S3.PutBucketAsync("dev-pushes-2");
        await moto.S3.PutBucketAsync("slipway-store");
        await PutAsync("dev-pushes-2", "blog/header.jpg", "jpeg");
        var store = new S3FileStore(moto.S3, "slipway-store", "slipway/", Path.Combine(_work.FullName, "cache"));

        var report = await new FilesSync(Sources("blog=s3://dev-pushes-2/blog/"), store, new S3FilesMirror(moto.S3, Copies)).SyncAsync("blog", CancellationToken.None);

        report.Should().Be(new FileSyncReport(1, 0, 0));
        var keys = (await moto.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "slipway-store" })).S3Objects.Select(item => item.Key);
        keys.Should().BeEquivalentTo(["slipway/blog/files/header.jpg", "slipway/blog/files.tar.gz"], "the store keeps the file, and its snapshot for Fargate playgrounds beside it");
    }

    [Fact]
    public async Task A_missing_source_bucket_and_a_key_that_climbs_out_of_the_copy_are_one_sentence_each()
    {
        await moto.S3.PutBucketAsync("dev-pushes-3");
        await PutAsync("dev-pushes-3", "shop/../../escape.txt", "outside");
        var mirror = new S3FilesMirror(moto.S3, Copies);

        var missing = () => mirror.FetchAsync("shop", new S3FilesSource("no-such-pushes", "shop/"), CancellationToken.None);
        var climbing = () => mirror.FetchAsync("shop", new S3FilesSource("dev-pushes-3", "shop/"), CancellationToken.None);

        (await missing.Should().ThrowAsync<DataException>()).Which.Message.Should().Be("The bucket 'no-such-pushes' does not exist: create it or fix --files-source.");
        (await climbing.Should().ThrowAsync<DataException>()).Which.Message
            .Should().Be("The files source s3://dev-pushes-3/shop/ (--files-source) holds the object 'shop/../../escape.txt', whose name has an empty, '.' or '..' part or a backslash: rename or remove it.");
        File.Exists(Path.Combine(_work.FullName, "escape.txt")).Should().BeFalse();
    }

    [Theory]
    [InlineData("shop/a/./b.txt", "dev-pushes-dot")]
    [InlineData("shop/a//b.txt", "dev-pushes-empty")]
    [InlineData("shop/x/../b.txt", "dev-pushes-up")]
    [InlineData("shop/a\\b.txt", "dev-pushes-backslash")]
    public async Task A_key_whose_name_the_copy_would_change_is_refused_rather_than_fetched_and_removed_on_each_sync(string key, string bucket)
    {
        await moto.S3.PutBucketAsync(bucket);
        await PutAsync(bucket, "shop/b.txt", "the real one");
        await PutAsync(bucket, key, "the odd one");

        var fetch = () => new S3FilesMirror(moto.S3, Copies).FetchAsync("shop", new S3FilesSource(bucket, "shop/"), CancellationToken.None);

        (await fetch.Should().ThrowAsync<DataException>()).Which.Message.Should().Be(
            $"The files source s3://{bucket}/shop/ (--files-source) holds the object '{key}', whose name has an empty, '.' or '..' part or a backslash: rename or remove it.");
    }

    [Fact]
    public async Task A_key_that_is_both_a_file_and_a_folder_is_one_sentence()
    {
        await moto.S3.PutBucketAsync("dev-pushes-clash");
        await PutAsync("dev-pushes-clash", "shop/a", "a file");
        await PutAsync("dev-pushes-clash", "shop/a/b", "a file in the folder a");

        var fetch = () => new S3FilesMirror(moto.S3, Copies).FetchAsync("shop", new S3FilesSource("dev-pushes-clash", "shop/"), CancellationToken.None);

        (await fetch.Should().ThrowAsync<DataException>()).Which.Message.Should().Be(
            "The files source s3://dev-pushes-clash/shop/ (--files-source) holds 'shop/a' both as an object and as the folder of 'shop/a/b': rename or remove one of them.");
    }

    [Fact]
    public async Task Two_syncs_of_one_app_at_once_both_finish_with_the_whole_copy()
    {
        await moto.S3.PutBucketAsync("dev-pushes-twice");
        var names = Enumerable.Range(0, 40).Select(i => $"img/{i:D2}.jpg").ToList();
        foreach (var name in names)
        {
            await PutAsync("dev-pushes-twice", "shop/" + name, new string('x', 64 * 1024) + name);
        }

        var store = new LocalFileStore(Path.Combine(_work.FullName, "store"));
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            new FilesSync(Sources("shop=s3://dev-pushes-twice/shop/"), store, new S3FilesMirror(moto.S3, Copies)).SyncAsync("shop", CancellationToken.None)));
        var reports = await Task.WhenAll(runs);

        reports.Sum(report => report.Copied).Should().Be(names.Count, "each later sync finds the store already complete");
        var folder = Path.Combine(_work.FullName, "store", "shop");
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Should().BeEquivalentTo(names);
    }

    private Task PutAsync(string bucket, string key, string content) =>
        moto.S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = content });

    private FilesSources Sources(string entry) =>
        FilesSources.From(Slipway.Engine.Parameters.KeyedEntries.Read([entry], FilesSources.Flag, "app=folder", "shop=/mnt/shop"), _work.FullName);
}
