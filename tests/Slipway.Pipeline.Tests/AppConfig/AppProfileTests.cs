using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Tests.AppConfig;

public sealed class AppProfileTests
{
    [Fact]
    public void Load_Drupal7AtTheRepositoryRoot_ServesTheRootMakesSiteFilesWritableAndAnalysesOnlyTheSitesOwnModules()
    {
        using var site = new DrupalFixture()
            .With("sites/all/modules/custom/shop/shop.info", "name = Shop\ncore = 7.x\n")
            .With("sites/all/modules/custom/shop/shop.module", "<?php\n")
            .With("sites/all/modules/contrib/views/views.info", "name = Views\ncore = 7.x\n")
            .With("sites/all/modules/token/token.info", "name = Token\ncore = 7.x\n\n; Information added by Drupal.org packaging script\nproject = \"token\"\n")
            .With("sites/all/themes/shoptheme/shoptheme.info", "name = Shop theme\ncore = 7.x\n");

        var profile = AppProfile.Load(site.Path);

        profile.Docroot.Should().Be(".");
        profile.Drupal.Should().Be(DrupalKind.Legacy);
        profile.Writable.Should().Equal("sites/default/files");
        profile.AnalysisPaths.Should().Equal("sites/all/modules/custom/shop", "sites/all/themes/shoptheme");
        profile.Readiness.Generator.Should().Be("Drupal");
    }

    [Fact]
    public void Load_Drupal7CoreOnly_HasNothingOfItsOwnToAnalyse()
    {
        using var site = new DrupalFixture();

        AppProfile.Load(site.Path).AnalysisPaths.Should().BeEmpty();
    }

    [Theory]
    [InlineData("web")]
    [InlineData("docroot")]
    [InlineData("public")]
    [InlineData("html")]
    public void Load_AModernDrupalInAUsualFolder_FindsTheDocrootAndOnlyCustomCode(string docroot)
    {
        using var app = new AppFolder()
            .With($"{docroot}/index.php", "<?php\n")
            .With($"{docroot}/core/lib/Drupal.php", "<?php\n")
            .With($"{docroot}/core/modules/node/node.info.yml", "name: Node\nversion: VERSION\n")
            .With($"{docroot}/modules/contrib/token/token.info.yml", "name: Token\n")
            .With($"{docroot}/modules/custom/shop/shop.info.yml", "name: Shop\n")
            .With($"{docroot}/profiles/acme/acme.info.yml", "name: Acme\n")
            .With($"{docroot}/themes/custom/acme_theme/acme_theme.info.yml", "name: Acme theme\n")
            .With($"{docroot}/libraries/chosen/chosen.info.yml", "name: not an extension\n");

        var profile = AppProfile.Load(app.Path);

        profile.Docroot.Should().Be(docroot);
        profile.Drupal.Should().Be(DrupalKind.Modern);
        profile.AnalysisPaths.Should().Equal($"{docroot}/modules/custom/shop", $"{docroot}/profiles/acme", $"{docroot}/themes/custom/acme_theme");
        profile.Writable.Should().Equal($"{docroot}/sites/default/files");
    }

    [Fact]
    public void Load_AnAppThatIsNotDrupal_AnalysesTheWholeAppAndWritesNothing()
    {
        using var app = new AppFolder().With("public/index.php", "<?php\n");

        var profile = AppProfile.Load(app.Path);

        profile.Docroot.Should().Be("public");
        profile.AnalysisPaths.Should().BeNull();
        profile.Writable.Should().BeEmpty();
        profile.Readiness.Should().Be(ReadinessCheck.Default);
    }

    [Fact]
    public void Load_ADocrootThatIsNotThere_SaysWhichKeyToFix()
    {
        using var app = new AppFolder().WithConfig("docroot: webroot\n");

        var load = () => AppProfile.Load(app.Path);

        load.Should().Throw<AppConfigException>().Which.Message.Should().Contain("docroot 'webroot'").And.Contain(".slipway.yml");
    }

    [Theory]
    [InlineData("""{"config": {"platform": {"php": "7.4.33"}}, "require": {"php": ">=8.1"}}""", "7.4")]
    [InlineData("""{"require": {"php": ">=8.1"}}""", "8.2")]
    [InlineData("""{"require": {"php": "^7.3"}}""", "7.4")]
    [InlineData("""{"require": {"php": ">=7.2 <8.0"}}""", "7.4")]
    [InlineData("""{"require": {"php": "~8.3.0"}}""", "8.3")]
    [InlineData("""{"require": {"php": "^7.4 || ^8.0"}}""", "8.2")]
    [InlineData("""{"require": {"php": "7.4.*"}}""", "7.4")]
    [InlineData("""{"require": {}}""", "8.2")]
    public void Load_WithoutAPhpKey_TakesThePhpVersionFromComposerJson(string composerJson, string expected)
    {
        using var app = new AppFolder().With("composer.json", composerJson);

        AppProfile.Load(app.Path).Php.Should().Be(expected);
    }

    [Fact]
    public void Load_ThePhpKey_WinsOverComposerJson()
    {
        using var app = new AppFolder().With("composer.json", """{"require": {"php": "^8.1"}}""").WithConfig("php: \"7.4\"\n");

        AppProfile.Load(app.Path).Php.Should().Be("7.4");
    }
}
