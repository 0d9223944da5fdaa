using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>
/// <c>./build.sh Approved</c> as a user runs it, on a git repository holding a copy of the example site with a
/// bare repository as its origin, releasing to a real registry. Each test is a full pipeline run (minutes):
/// the finer cases are in <see cref="DeployStageTests"/> and <see cref="DeployRefusalTests"/>.
/// </summary>
public sealed class ApprovedPipelineTests(DeployFixture fixture) : IClassFixture<DeployFixture>
{
    // A fresh CI agent: git knows nobody, so the tag names Slipway as its tagger.
    private static readonly Dictionary<string, string> NoGitIdentity = new()
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    [Fact]
    public async Task Approved_OnAPassingApp_TagsTheTestedCommitInTheRemote_AndTheRegistryHoldsTheTestedImageUnderTheVersion()
    {
        var name = fixture.NewApp("site");
        var app = await AppRepository.CreateAsync(fixture.PathOf(name), "feat: the example site", exampleSite: true);
        var tested = await app.GitAsync("rev-parse", "HEAD");

        var result = await ApprovedAsync(name, app);

        result.ExitCode.Should().Be(0, result.ToString());
        (await app.RemoteTagCommitAsync("v0.1.0")).Should().Be(tested);
        (await app.RemoteTagFieldAsync("v0.1.0", "%(taggername) %(taggeremail)")).Should().Be("Slipway <slipway@localhost>");
        var digest = await fixture.Registry.ManifestDigestAsync(name, "0.1.0");
        digest.Should().NotBeNull(result.ToString());
        result.Output.Should().Contain(digest).And.Contain("## v0.1.0").And.Contain("- the example site");
        var testedImage = await fixture.Docker.InspectImageAsync($"slipway/{name}:{new Slipway.Pipeline.Naming.RunIdentity(name, "main").ImageTag(tested[..7])}", CancellationToken.None);
        (await fixture.Registry.ConfigDigestAsync(name, "0.1.0")).Should().Be(testedImage.Id, "the release is the tested image, not a rebuild");
    }

    [Fact]
    public async Task Approved_OnAnAppWithAFailingTest_TagsAndPushesNothing_AndExitsWith1()
    {
        var name = fixture.NewApp("red");
        var app = await AppRepository.CreateAsync(fixture.PathOf(name), "feat: the example site", exampleSite: true);
        app.Write("tests/Unit/ReleaseGateTest.php", """
            <?php

            declare(strict_types=1);

            namespace Drupal\Tests\site_status\Unit;

            use PHPUnit\Framework\TestCase;

            final class ReleaseGateTest extends TestCase
            {
                public function testTheReleaseGateHolds(): void
                {
                    self::assertSame('open', 'closed');
                }
            }

            """);
        await app.CommitAsync("test: the release gate");

        var result = await ApprovedAsync(name, app);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("tests failed").And.Contain("ReleaseGateTest");
        (await app.RemoteTagsAsync()).Should().BeEmpty();
        (await fixture.Registry.TagsAsync(name)).Should().BeEmpty();
    }

    private Task<BuildScriptResult> ApprovedAsync(string name, AppRepository app) =>
        new BuildScript(fixture.PathOf($"{name}.work")).RunAsync(
            ["Approved", "--app", app.Path, "--branch", "main", "--release-registry", fixture.Registry.Address],
            NoGitIdentity);
}
