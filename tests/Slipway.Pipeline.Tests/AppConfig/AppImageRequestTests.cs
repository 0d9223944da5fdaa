using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Building;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.AppConfig;

public sealed class AppImageRequestTests
{
    private static readonly Dictionary<string, string> Arguments = new()
    {
        ["BASE_IMAGE"] = "slipway-base/php-apache:8.2",
        ["SLIPWAY_APP"] = "shop",
        ["SLIPWAY_BRANCH"] = "feature/x",
    };

    [Fact]
    public async Task SlipwaysImage_ServesTheAppsDocrootAndHandsOverItsWritableFolders()
    {
        using var site = new DrupalFixture();
        var profile = AppProfile.Load(site.Path);

        var request = await AppImageRequest.CreateAsync(Layout(), site.Path, profile, "slipway/shop:x", Arguments, CancellationToken.None);

        request.Dockerfile.Should().Be("Dockerfile");
        request.BuildArguments!["APP_DOCROOT"].Should().Be("/var/www/app", "Drupal 7 is served from the repository root");
        request.BuildArguments["SLIPWAY_WRITABLE"].Should().Be("sites/default/files");
        request.Files.Keys.Should().Contain("slipway-start.sh");
    }

    [Fact]
    public async Task TheAppsOwnDockerfile_IsBuiltWithTheRepositoryAsContextAndSlipwaysLabels()
    {
        using var app = new AppFolder().With("ops/Dockerfile", "FROM scratch\n").With("index.php", "<?php\n").WithConfig("dockerfile: ops/Dockerfile\n");
        var profile = AppProfile.Load(app.Path);

        var request = await AppImageRequest.CreateAsync(Layout(), app.Path, profile, "slipway/shop:x", Arguments, CancellationToken.None);

        request.Dockerfile.Should().Be("ops/Dockerfile");
        request.Folders.Should().ContainSingle().Which.Should().BeEquivalentTo(new ContextFolder(app.Path, "", [".git"]));
        request.Labels.Should().Contain(Ownership.AppLabel, "shop").And.Contain(Ownership.BranchLabel, "feature/x");
    }

    private static SlipwayLayout Layout() => new(RepositoryRoot.Path, Path.GetTempPath());
}
