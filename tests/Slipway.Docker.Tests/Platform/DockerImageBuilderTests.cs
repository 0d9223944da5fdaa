using Slipway.Docker.Platform;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Platform;

[Collection(DockerCollection.Name)]
public sealed class DockerImageBuilderTests(DockerFixture docker) : IDisposable
{
    private readonly TemporaryFolder source = new();

    public void Dispose() => source.Dispose();

    [Fact]
    public async Task BuildAsync_ContextFromParts_CopiesVendorAndCodeSeparatelyWithoutExcludedFolders_KeepingNestedVendorFolders()
    {
        source.Write("index.php", "<?php echo 'site';");
        source.Write("vendor/autoload.php", "<?php // vendor");
        source.Write(".git/HEAD", "ref: refs/heads/main");
        source.Write("web/themes/custom/node_modules/pkg/index.js", "module");
        source.Write("web/libraries/lib/vendor/keep.php", "<?php // a library's own vendor folder");
        var script = source.Write("bin/run.sh", "#!/bin/sh\necho run\n");
        File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("755", 8));
        File.CreateSymbolicLink(Path.Combine(source.Path, "current"), "index.php");
        var tag = $"slipway-test/parts:{docker.TestId[..12]}";
        var request = new ImageBuildRequest(
            [
                new ContextFolder(Path.Combine(source.Path, "vendor"), "vendor"),
                new ContextFolder(source.Path, "code", ["/vendor", ".git", "node_modules"]),
            ],
            new Dictionary<string, string>
            {
                ["Dockerfile"] = $"""
                    FROM {docker.BaseImage}
                    COPY vendor /app/vendor
                    COPY code /app
                    """,
            },
            "Dockerfile",
            [tag],
            Labels: docker.TestLabels);
        var builder = new DockerImageBuilder(docker.Client);
        var progress = new List<string>();

        await builder.BuildAsync(request, progress.Add, CancellationToken.None);

        (await builder.ExistsAsync(tag, CancellationToken.None)).Should().BeTrue();
        progress.Should().Contain(line => line.Contains("COPY vendor /app/vendor"));
        var (_, log) = await docker.RunScriptAsync(
            "cd /app && find . | sort; readlink current; test -x bin/run.sh && echo executable",
            container => container with { Image = tag });
        log.Select(line => line.Text).Should().Equal(
            ".", "./bin", "./bin/run.sh", "./current", "./index.php", "./vendor", "./vendor/autoload.php",
            "./web", "./web/libraries", "./web/libraries/lib", "./web/libraries/lib/vendor",
            "./web/libraries/lib/vendor/keep.php", "./web/themes", "./web/themes/custom", "index.php", "executable");
    }

    [Fact]
    public async Task ExistsAsync_ImageNeverBuilt_IsFalse()
    {
        (await new DockerImageBuilder(docker.Client).ExistsAsync("slipway-test/never-built:nope", CancellationToken.None)).Should().BeFalse();
    }
}
