using System.Net;

namespace Slipway.Pipeline.Tests.Playground;

/// <summary>
/// The app image's start script for real (<c>docker/app/slipway-files.sh</c>), as a Fargate playground runs it: the URL
/// (a presigned S3 GET on AWS) comes as the variable ECS sets from the secret, the tarball from a server on the
/// playground's network. A good tarball is served at its Drupal URL; an archive reaching outside the folder, an archive
/// with a link (symbolic or hard) or an absolute member, and a failed fetch each leave one line in the log, write nothing,
/// and the site still starts; an empty archive (no members, or no bytes) is quietly nothing; a files folder through a
/// link out of the app makes no folder there.
/// </summary>
public sealed class PlaygroundFilesFetchTests(FilesFetchWorld world) : IClassFixture<FilesFetchWorld>
{
    [Fact]
    public async Task A_fetched_tarball_is_served_at_the_files_url_with_the_same_bytes_owned_by_the_web_server_and_the_url_stays_out_of_apache()
    {
        var signature = "X-Amz-Signature=" + Guid.NewGuid().ToString("N");
        var playground = await StartAsync($"good.tar.gz?{signature}");
        using var client = await ClientAsync(playground);

        using var logo = await client.GetAsync("/sites/default/files/pictures/logo.png");
        var owner = await DockerCommand.RunAsync("exec", playground, "stat", "-c", "%U", $"/var/www/app/{FilesFetchWorld.FilesPath}/pictures/logo.png");
        var apacheEnvironment = await DockerCommand.RunAsync("exec", playground, "cat", "/proc/1/environ");

        logo.StatusCode.Should().Be(HttpStatusCode.OK);
        (await logo.Content.ReadAsByteArrayAsync()).Should().Equal(FilesFetchWorld.Logo);
        owner.Trim().Should().Be("www-data", "Drupal writes image styles there");
        apacheEnvironment.Should().NotContain(signature, "the URL is Slipway's credential: the branch's PHP code does not get it");
        (await world.LogAsync(playground)).Should().Contain($"slipway-files: 1 files fetched into {FilesFetchWorld.FilesPath}");
    }

    [Theory]
    [InlineData("escape.tar.gz", "slipway-files: the app's files archive holds a member outside the folder (../escaped.txt), refused; the site starts without the files")]
    [InlineData("link.tar.gz", "slipway-files: the app's files archive holds a link or special file, refused; the site starts without the files")]
    [InlineData("hardlink.tar.gz", "slipway-files: the app's files archive holds a link or special file, refused; the site starts without the files")]
    [InlineData("absolute.tar.gz", "slipway-files: the app's files archive holds a member outside the folder (/tmp/escaped.txt), refused; the site starts without the files")]
    [InlineData("missing.tar.gz", "slipway-files: the app's files were not fetched (curl: (22) The requested URL returned error: 404); the site starts without them")]
    [InlineData("empty.tar.gz", null)]
    [InlineData("nothing.tar.gz", null)]
    public async Task A_refused_archive_or_failed_fetch_writes_nothing_says_so_in_one_line_and_the_site_still_starts(string tarball, string? line)
    {
        var playground = await StartAsync(tarball);
        using var client = await ClientAsync(playground);

        using var home = await client.GetAsync("/");
        using var file = await client.GetAsync("/sites/default/files/pictures/ok.png");
        var written = await DockerCommand.RunAsync("exec", playground, "find", "/", "-xdev", "(", "-name", "escaped.txt", "-o", "-name", "ok.png", ")");
        var log = await world.LogAsync(playground);

        home.StatusCode.Should().Be(HttpStatusCode.OK);
        file.StatusCode.Should().Be(HttpStatusCode.NotFound);
        written.Should().BeEmpty("nothing of a refused archive is unpacked, in the folder or outside it");
        string[] expected = line is null ? [] : [line];
        log.Split('\n').Where(text => text.StartsWith("slipway-files:", StringComparison.Ordinal)).Should().Equal(expected, "an empty archive is nothing to do, quietly");
    }

    [Fact]
    public async Task A_files_folder_through_a_link_out_of_the_app_is_refused_before_any_folder_is_made()
    {
        var playground = await StartAsync("missing.tar.gz");
        using var client = await ClientAsync(playground);
        // As if the app's code held web/linked -> /tmp/outside, a folder outside the app.
        await DockerCommand.RunAsync("exec", playground, "sh", "-c", "mkdir /tmp/outside && ln -s /tmp/outside /var/www/app/web/linked");

        var said = await DockerCommand.RunAsync(
            "exec", "-e", $"SLIPWAY_FILES_URL=http://{world.Server}:8000/good.tar.gz", "-e", "SLIPWAY_FILES_PATH=web/linked/sites/default/files",
            playground, "bash", "-c", "bash /usr/local/bin/slipway-files.sh 2>&1");
        var madeOutside = await DockerCommand.RunAsync("exec", playground, "find", "/tmp/outside", "-mindepth", "1");

        said.Trim().Should().Be("slipway-files: the files folder web/linked/sites/default/files leads outside the app folder; the site starts without the app's files");
        madeOutside.Should().BeEmpty("nothing is made outside the app folder, not even an empty folder");
    }

    private Task<string> StartAsync(string tarball) => world.StartPlaygroundAsync(new Dictionary<string, string>
    {
        ["SLIPWAY_FILES_URL"] = $"http://{world.Server}:8000/{tarball}",
        ["SLIPWAY_FILES_PATH"] = FilesFetchWorld.FilesPath,
    });

    // The files are fetched before Apache starts: once it answers, the fetch is over.
    private static async Task<HttpClient> ClientAsync(string playground)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://{await FilesFetchWorld.PublishedAsync(playground, 80)}/") };
        await FilesFetchWorld.WhenAnsweringAsync(client, "/");
        return client;
    }
}
