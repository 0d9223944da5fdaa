using Slipway.Data.Files;
using Slipway.Engine;
using Slipway.Engine.Parameters;

namespace Slipway.Data.Tests.Files;

/// <summary>--files-source as the SyncFiles target and the service read it: one source per app, a folder or a bucket prefix.</summary>
public sealed class FilesSourcesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("slipway-sources-");

    public FilesSourcesTests()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "shop-files"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "blog-files"));
    }

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Each_app_gets_its_own_source_and_an_app_without_one_gets_none()
    {
        var sources = Read("shop=shop-files", $"blog={_root.FullName}/blog-files/", "wiki=s3://dev-files/wiki", "docs=s3://dev-files");

        sources.For("shop").Should().Be(new FolderFilesSource(Path.Combine(_root.FullName, "shop-files")));
        sources.For("Blog").Should().Be(new FolderFilesSource(Path.Combine(_root.FullName, "blog-files")));
        sources.For("wiki").Should().Be(new S3FilesSource("dev-files", "wiki/"));
        sources.For("docs").Should().Be(new S3FilesSource("dev-files", ""));
        sources.For("intranet").Should().BeNull();
        sources.AnyInS3.Should().BeTrue();
        sources.Locations.Should().Contain("wiki", "s3://dev-files/wiki/");
    }

    [Fact]
    public void One_bare_folder_is_the_source_of_the_runs_own_app()
    {
        var sources = Read("shop-files");

        sources.Locations.Should().Equal(new Dictionary<string, string> { ["shop"] = Path.Combine(_root.FullName, "shop-files") });
        sources.AnyInS3.Should().BeFalse();
    }

    [Theory]
    [InlineData("shop=rsync://dev.example.com/files", "--files-source of shop: 'rsync://dev.example.com/files' is neither a folder nor s3://bucket/prefix/; Slipway does not fetch rsync or ssh sources itself, so mount or fetch the files to a folder and give that folder (docs/data.md).")]
    [InlineData("shop=deploy@dev.example.com:/var/www/files", "--files-source of shop: 'deploy@dev.example.com:/var/www/files' is neither a folder nor s3://bucket/prefix/; Slipway does not fetch rsync or ssh sources itself, so mount or fetch the files to a folder and give that folder (docs/data.md).")]
    [InlineData("shop=s3://Dev_Files/shop/", "--files-source of shop: 's3://Dev_Files/shop/' is not s3://bucket/prefix/; write the bucket's name (3 to 63 lower-case letters, digits, '-' or '.') and a prefix such as s3://dev-files/shop/.")]
    [InlineData("shop=s3:///shop/", "--files-source of shop: 's3:///shop/' is not s3://bucket/prefix/; write the bucket's name (3 to 63 lower-case letters, digits, '-' or '.') and a prefix such as s3://dev-files/shop/.")]
    public void A_value_of_unknown_shape_is_one_sentence_naming_the_flag_the_app_and_what_to_do(string entry, string message)
    {
        var read = () => Read(entry);

        read.Should().Throw<DataException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void A_missing_folder_is_named_before_any_sync()
    {
        var read = () => Read("shop=gone");

        read.Should().Throw<DataException>().Which.Message
            .Should().Be($"--files-source of shop: the folder {Path.Combine(_root.FullName, "gone")} does not exist; create or mount it, or fix the path.");
    }

    [Fact]
    public void An_entry_without_its_app_among_several_is_refused_by_the_flag_reader()
    {
        var read = () => Read("blog=blog-files", "shop-files");

        read.Should().Throw<BuildFailedException>().Which.Message.Should().StartWith("--files-source entry 'shop-files' is not app=folder");
    }

    [Fact]
    public async Task An_app_without_a_source_is_not_synced_from_another_apps_folder()
    {
        var store = new LocalFileStore(Path.Combine(_root.FullName, "store"));
        var sync = () => new FilesSync(Read("blog=blog-files"), store, mirror: null).SyncAsync("shop", CancellationToken.None);

        (await sync.Should().ThrowAsync<DataException>()).Which.Message
            .Should().Be("No files source is configured for shop: give --files-source shop=<folder or s3://bucket/prefix/>.");
        Directory.Exists(Path.Combine(_root.FullName, "store", "shop")).Should().BeFalse();
    }

    // As the SyncFiles target reads the flag: the one app=value reader, then the values' shapes.
    private FilesSources Read(params string[] entries) =>
        FilesSources.From(KeyedEntries.Read(entries, FilesSources.Flag, "app=folder", "shop=/mnt/shop", bareKey: "shop"), _root.FullName);
}
