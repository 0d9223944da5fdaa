using Slipway.Pipeline.Tests.AppConfig;

namespace Slipway.Pipeline.Tests.Building;

/// <summary>
/// Slipway's build step as a user meets it: composer only when vendor/ does not already hold the lock's
/// packages, composer's own reasons when it fails, drush advice, the app's build commands and hooks folder.
/// </summary>
public sealed class BuildAppScriptTests
{
    private const string NoPackagist = "\"repositories\": [{\"packagist.org\": false}]";

    [Fact]
    public async Task AFailedComposerInstall_EndsWithComposersOwnReason_NotOnlyItsExitCode()
    {
        // As with drupal/core 8.9.20 on a PHP without gd: a locked package needs an extension this PHP lacks.
        using var app = new AppFolder()
            .With("composer.json", $$"""{"name": "acme/site", "require": {"acme/widget": "1.2.0"}, {{NoPackagist}}}""")
            .With("composer.lock", Lock("1.2.0", """{"ext-slipwaymissing": "*"}"""));

        var (exitCode, output, last) = await AppBuildScript.RunAsync(app.Path);

        exitCode.Should().Be(2, output);
        last.Should().Be(
            "composer: install failed with exit code 2: acme/widget 1.2.0 requires ext-slipwaymissing * -> it is missing from your system. "
            + "Install or enable PHP's slipwaymissing extension. (and 1 more problem lines above)");
    }

    [Fact]
    public async Task AVendorFolderThatMatchesTheLock_IsUsedAsIs_AndAStaleOneIsInstalledOver()
    {
        // The locked package's archive is on a loopback port nothing listens on: composer could not fetch it,
        // so the build only succeeds when composer is not run at all.
        using var app = new AppFolder()
            .With("composer.json", $$"""{"name": "acme/site", "require": {"acme/widget": "1.2.0"}, {{NoPackagist}}}""")
            .With("composer.lock", Lock("1.2.0"))
            .With("vendor/autoload.php", "<?php\n")
            .With("vendor/composer/installed.json", $$"""{"packages": [{{Package("1.2.0")}}], "dev": false, "dev-package-names": []}""");

        var matching = await AppBuildScript.RunAsync(app.Path);

        matching.ExitCode.Should().Be(0, matching.Output);
        matching.Output.Should().Contain("composer: vendor/ already holds the packages composer.lock names, used as is")
            .And.NotContain("composer: install");

        app.With("composer.lock", Lock("1.3.0"));
        var stale = await AppBuildScript.RunAsync(app.Path);

        stale.Output.Should().Contain("composer: install (composer.json, composer.lock or a path package changed)");
        stale.ExitCode.Should().NotBe(0, "composer ran and could not fetch acme/widget 1.3.0");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task AHookCallingDrush_UsesTheAppsDrush_OrSaysHowToAddIt()
    {
        using var app = new AppFolder().With("devops_hooks/40-status.sh", "drush status --format=json\n");

        var without = await AppBuildScript.RunAsync(app.Path);

        without.ExitCode.Should().Be(127, without.Output);
        without.LastErrorLine.Should().Be(
            "Hook 40-status.sh failed with exit code 127: it called drush, which this app does not ship: add it with composer require drush/drush");

        app.With("vendor/bin/drush", "#!/bin/sh\necho \"the app's drush: $*\"\n");
        File.SetUnixFileMode(Path.Combine(app.Path, "vendor", "bin", "drush"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var with = await AppBuildScript.RunAsync(app.Path);

        with.ExitCode.Should().Be(0, with.Output);
        with.Output.Should().Contain("the app's drush: status --format=json");
    }

    [Fact]
    public async Task BuildCommandsAndAnotherHooksFolder_RunInOrder_AndAFailingCommandIsNamed()
    {
        using var app = new AppFolder()
            .With("ops/hooks/10-after.sh", "cat built.txt; echo 'hook ran after the commands'\n")
            .With("devops_hooks/10-not-this-one.sh", "echo 'the default folder ran'\n");
        var environment = new Dictionary<string, string>
        {
            ["SLIPWAY_BUILD_COMMANDS"] = "echo first > built.txt\necho \"second $((1 + 1))\" >> built.txt",
            ["SLIPWAY_HOOKS_FOLDER"] = "ops/hooks",
        };

        var run = await AppBuildScript.RunAsync(app.Path, environment);

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("first\nsecond 2\nhook ran after the commands").And.NotContain("the default folder ran");

        environment["SLIPWAY_BUILD_COMMANDS"] = "echo fine\nfalse";
        var failed = await AppBuildScript.RunAsync(app.Path, environment);

        failed.ExitCode.Should().Be(1);
        failed.LastErrorLine.Should().Be("Build command 2 (false) failed with exit code 1");
    }

    private static string Package(string version, string requires = "{}") =>
        $$$"""{"name": "acme/widget", "version": "{{{version}}}", "type": "library", "require": {{{requires}}}, "dist": {"type": "zip", "url": "http://127.0.0.1:9/widget-{{{version}}}.zip", "reference": "r{{{version}}}"}}""";

    private static string Lock(string version, string requires = "{}") =>
        $$$"""{"content-hash": "0", "packages": [{{{Package(version, requires)}}}], "packages-dev": [], "platform": {}, "platform-dev": {}}""";
}
