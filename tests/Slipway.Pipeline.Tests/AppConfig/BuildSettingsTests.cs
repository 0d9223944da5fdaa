using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Tests.AppConfig;

public sealed class BuildSettingsTests
{
    [Fact]
    public void ReadFrom_BuildAndHooks_TellTheBuildStepWhatToRunAsData()
    {
        using var app = new AppFolder().WithConfig("""
            build:
              composer: true
              composer_ignore_platform: [ext-gd, php]
              themes: false
              commands:
                - npm --prefix web/themes/custom/acme run build -- --mode "production"
                - php scripts/make-settings.php
            hooks:
              folder: ops/hooks
              slipway_defaults: false
            """);

        var build = AppConfigFile.ReadFrom(app.Path).Build;

        build.ToEnvironment().Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["SLIPWAY_COMPOSER"] = "1",
            ["SLIPWAY_THEMES"] = "0",
            ["SLIPWAY_DEFAULT_HOOKS"] = "0",
            ["SLIPWAY_HOOKS_FOLDER"] = "ops/hooks",
            ["SLIPWAY_BUILD_COMMANDS"] = "npm --prefix web/themes/custom/acme run build -- --mode \"production\"\nphp scripts/make-settings.php",
            ["COMPOSER_IGNORE_PLATFORM_REQ"] = "ext-gd,php",
        });
    }

    [Fact]
    public void ReadFrom_NoBuildSection_RunsEveryStepAndTheUsualHooks()
    {
        using var app = new AppFolder().WithConfig("php: \"8.2\"\n");

        AppConfigFile.ReadFrom(app.Path).Build.ToEnvironment().Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["SLIPWAY_COMPOSER"] = "1",
            ["SLIPWAY_THEMES"] = "1",
            ["SLIPWAY_DEFAULT_HOOKS"] = "1",
            ["SLIPWAY_HOOKS_FOLDER"] = "devops_hooks",
        });
    }

    [Fact]
    public void ReadFrom_PlaygroundEnvironment_IsKeptAsNamedValues()
    {
        using var app = new AppFolder().WithConfig("""
            playground:
              environment:
                APP_ENV: playground
                FEATURE_FLAGS: "search,checkout"
            """);

        AppConfigFile.ReadFrom(app.Path).PlaygroundEnvironment.Should().BeEquivalentTo(
            new Dictionary<string, string> { ["APP_ENV"] = "playground", ["FEATURE_FLAGS"] = "search,checkout" });
    }

    [Theory]
    [InlineData("build:\n  composer: maybe\n", ".slipway.yml line 2 gives 'build.composer' the value 'maybe': it takes true or false.")]
    [InlineData("build:\n  composer_ignore_platform: [\"--no-scripts\"]\n", ".slipway.yml line 2 gives 'build.composer_ignore_platform' the value '--no-scripts': it takes platform requirements such as ext-gd or php.")]
    [InlineData("build:\n  comands: [make]\n", ".slipway.yml line 2 has the key 'build.comands', which Slipway does not know: the nearest valid key is 'build.commands'.")]
    [InlineData("hooks:\n  folder: ../elsewhere\n", ".slipway.yml line 2 gives 'hooks.folder' the path '../elsewhere': write a path inside the repository, relative to its root, without .. (letters, digits, . _ - @ +).")]
    [InlineData("playground:\n  environment:\n    DB_PASSWORD: secret\n", ".slipway.yml line 3 sets DB_PASSWORD in 'playground.environment', a name Slipway sets itself: pick another name (not PATH or one starting with SLIPWAY_, DB_, DATABASE_ or APACHE_).")]
    [InlineData("playground:\n  environment:\n    bad-name: x\n", ".slipway.yml line 3 has a variable name in 'playground.environment' that is not letters, digits and _ (starting with a letter or _).")]
    [InlineData("playground:\n  environment: [A, B]\n", ".slipway.yml line 2 gives 'playground.environment' a single value or a list: it takes NAME: value pairs, e.g. APP_ENV: playground.")]
    public void ReadFrom_AMistakeInTheNewKeys_IsOneSentenceNamingTheLineAndTheFix(string yaml, string message)
    {
        using var app = new AppFolder().WithConfig(yaml);

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().Which.Message.Should().Be(message);
    }
}
