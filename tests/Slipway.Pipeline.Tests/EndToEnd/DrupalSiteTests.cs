using System.Net;
using System.Text.Json;
using Slipway.Pipeline.Tests.AppConfig;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// A real Drupal 7 site as a user's repository (../shared/fixtures, docroot at the root, no .slipway.yml, no
/// database yet), with a custom module planted with one coding-standard violation and one syntax error.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DrupalSiteTests(EndToEndFixture fixture)
{
    private const string Module = "sites/all/modules/custom/planted";

    [Fact]
    public async Task PullRequest_OnDrupal7_ServesDrupalsInstallerAndReportsOnlyThePlantedModule()
    {
        using var site = new DrupalFixture()
            .With($"{Module}/planted.info", "name = Planted\ndescription = Planted for Slipway's tests.\ncore = 7.x\n")
            // PSR-12 wants the opening brace of a function on the next line: one violation, nothing else.
            .With($"{Module}/planted.module", "<?php\n\nfunction planted_help($path, $arg) {\n    return $path . $arg;\n}\n")
            // A missing semicolon: php -l rejects it, phpcs has nothing to say about it.
            .With($"{Module}/planted.inc", "<?php\n\nfunction planted_broken()\n{\n    return 1\n}\n");
        var branch = fixture.NewBranch("e2e-drupal7");
        await site.CommitOnBranchAsync(branch, "feat: Drupal 7 site with a planted module");

        var run = await fixture.BuildScript.RunAsync("PullRequest", "--app", site.Path, "--branch", branch);

        // The planted syntax error makes the analysis red (--analysis-fails-on syntax, the default): the run goes to its end, exit 3.
        run.ExitCode.Should().Be(3, run.ToString());
        run.Output.Should().Contain("served from the repository root");
        var runFolder = EndToEndFixture.RunFolderIn(run);
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(runFolder, "report.json"))))
        {
            var root = report.RootElement;
            root.GetProperty("hasInfrastructureFailure").GetBoolean().Should().BeFalse();
            root.GetProperty("noTestsFound").GetBoolean().Should().BeTrue("a Drupal 7 site without phpunit.xml has no tests Slipway can run");
            root.GetProperty("findings").EnumerateArray()
                .Select(finding => $"{finding.GetProperty("tool").GetString()} {finding.GetProperty("location").GetString()}")
                .Should().BeEquivalentTo($"phplint {Module}/planted.inc:6", $"phpcs {Module}/planted.module:3");
        }

        var markdown = await File.ReadAllTextAsync(Path.Combine(runFolder, "report.md"));
        markdown.Should().Contain("**No tests found**").And.NotContain("Tests passed");
        markdown.IndexOf("| Rule | Tool |", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("planted.inc`**", StringComparison.Ordinal), "the per-rule summary comes before the findings by file");

        var (status, location, _, _) = await GetAsync(branch, "/");
        status.Should().Be(HttpStatusCode.Found);
        location.Should().EndWith("/install.php");
        var (installer, _, page, robots) = await GetAsync(branch, "/install.php");
        installer.Should().Be(HttpStatusCode.OK);
        page.Should().Contain("Drupal").And.Contain("Select an installation profile");
        robots.Should().Be("noindex, nofollow", "a playground's shared URL must never be indexed");

        (await fixture.BuildScript.RunAsync("Teardown", "--app", site.Path, "--branch", branch)).ExitCode.Should().Be(0);
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty();
    }

    private Task<PlaygroundPage> GetAsync(string branch, string path) => PlaygroundPage.GetAsync(fixture, branch, path);
}
