using System.Net;
using Slipway.Pipeline.Tests.AppConfig;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// The image a playground serves, as an app's <c>.slipway.yml</c> shapes it: the app's own Dockerfile, the PHP
/// version it asks for, the variables it gives the playground, and the settings file Slipway's image holds.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AppImageTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Playground_WithTheAppsOwnDockerfile_ServesWhatThatDockerfileBuilt()
    {
        using var app = new AppFolder()
            .WithConfig("dockerfile: ops/Dockerfile\nplayground:\n  environment:\n    GREETING: hello from .slipway.yml\n")
            // BASE_IMAGE is Slipway's build argument: offline it names the local php-apache image.
            .With("ops/Dockerfile", """
                ARG BASE_IMAGE=php:8.2-apache
                FROM ${BASE_IMAGE}
                COPY public/ /var/www/html/
                RUN printf 'made by the app own Dockerfile' > /var/www/html/made-by.txt
                """)
            .With("public/index.php", "<?php echo file_get_contents(__DIR__ . '/made-by.txt'), ' / ', getenv('GREETING');\n");
        var branch = fixture.NewBranch("e2e-own-image");

        var run = await fixture.BuildScript.RunAsync("Playground", "--app", app.Path, "--branch", branch);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Output.Should().Contain("from the app's own ops/Dockerfile");
        var page = await PlaygroundPage.GetAsync(fixture, branch, "/");
        page.Status.Should().Be(HttpStatusCode.OK);
        page.Body.Should().Be("made by the app own Dockerfile / hello from .slipway.yml");

        await TearDownAsync(app.Path, branch);
    }

    [Fact]
    public async Task Playground_OnSlipwaysImage_HoldsTheSettingsFileAndGivesPhpThePlaygroundEnvironment()
    {
        using var app = new AppFolder()
            .WithConfig("playground:\n  environment:\n    GREETING: hello\n")
            .With("public/index.php", """
                <?php
                include '/usr/local/share/slipway/settings.slipway.php';
                echo isset($databases) ? 'a database' : 'no database', ' / salt ', strlen($settings['hash_salt'] ?? ''), ' / ', getenv('GREETING');
                """);
        var branch = fixture.NewBranch("e2e-settings");

        var run = await fixture.BuildScript.RunAsync("Playground", "--app", app.Path, "--branch", branch);

        run.ExitCode.Should().Be(0, run.ToString());
        var page = await PlaygroundPage.GetAsync(fixture, branch, "/");
        page.Body.Should().Be("no database / salt 64 / hello", "no database was configured, and the variable reaches PHP under Apache");

        await TearDownAsync(app.Path, branch);
    }

    [Fact]
    public async Task Playground_OnDrupal7AskingForPhp74_IsBuiltAndServedOnPhp74()
    {
        await OfflineBaseImages.EnsureAsync(fixture.Docker, "7.4");
        using var site = new DrupalFixture()
            .With(".slipway.yml", "php: \"7.4\"\n")
            .With("slipway-php-version.php", "<?php echo PHP_VERSION;\n");
        var branch = fixture.NewBranch("e2e-php74");
        await site.CommitOnBranchAsync(branch, "feat: Drupal 7 on PHP 7.4");

        var run = await fixture.BuildScript.RunAsync("Playground", "--app", site.Path, "--branch", branch);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Output.Should().Contain("PHP 7.4 (.slipway.yml)");
        (await PlaygroundPage.GetAsync(fixture, branch, "/slipway-php-version.php")).Body.Should().StartWith("7.4.");
        var installer = await PlaygroundPage.GetAsync(fixture, branch, "/install.php");
        installer.Status.Should().Be(HttpStatusCode.OK);
        installer.Body.Should().Contain("Select an installation profile", "Drupal 7 runs on the 7.4 base");

        await TearDownAsync(site.Path, branch);
    }

    [Fact]
    public async Task Doctor_ForAnAppAskingForAPhpVersion_ChecksThatVersionsBaseImages()
    {
        await OfflineBaseImages.EnsureAsync(fixture.Docker, "7.4");
        using var on74 = new AppFolder().WithConfig("php: \"7.4\"\n").With("index.php", "<?php\n");
        using var on81 = new AppFolder().WithConfig("php: \"8.1\"\n").With("index.php", "<?php\n");

        var found = await fixture.BuildScript.RunAsync("Doctor", "--app", on74.Path);
        var missing = await fixture.BuildScript.RunAsync("Doctor", "--app", on81.Path);

        found.Output.Should().Contain("slipway-base/php-apache:7.4, slipway-base/php-builder:7.4, slipway-base/phpqa:7.4");
        missing.Output.Should().Contain("none for PHP 8.1 on this engine yet").And.Contain("no Debian release ships PHP 8.1, so it cannot be made offline");
    }

    private async Task TearDownAsync(string app, string branch)
    {
        (await fixture.BuildScript.RunAsync("Teardown", "--app", app, "--branch", branch)).ExitCode.Should().Be(0);
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty();
    }
}
