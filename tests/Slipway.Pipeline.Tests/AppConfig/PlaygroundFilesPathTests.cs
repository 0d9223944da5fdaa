using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Tests.AppConfig;

/// <summary>Where the playground gets the app's synced files: playground.files, else Drupal's default site folder in the docroot.</summary>
public sealed class PlaygroundFilesPathTests
{
    [Fact]
    public void Load_WithoutTheKey_PutsTheFilesInTheDocrootsDefaultSite()
    {
        using var app = new AppFolder().With("web/index.php", "<?php\n");

        AppProfile.Load(app.Path).Files.Should().Be("web/sites/default/files");
    }

    [Fact]
    public void Load_WithTheKey_PutsTheFilesWhereItSays()
    {
        using var app = new AppFolder().With("docroot/index.php", "<?php\n").WithConfig("playground:\n  files: docroot/sites/shop/files\n");

        AppProfile.Load(app.Path).Files.Should().Be("docroot/sites/shop/files");
    }

    [Fact]
    public void Load_APathLeavingTheRepository_IsRefused()
    {
        using var app = new AppFolder().With("web/index.php", "<?php\n").WithConfig("playground:\n  files: ../etc\n");

        var load = () => AppProfile.Load(app.Path);

        load.Should().Throw<AppConfigException>().Which.Message.Should().Contain("playground.files");
    }
}
