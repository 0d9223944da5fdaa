using NuGet.Versioning;
using Slipway.Git.Releases;
using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests.Releases;

public sealed class ReleasePlannerTests : IAsyncLifetime
{
    private readonly TempFolder temp = new();
    private readonly ReleasePlanner planner = new(TestGit.Cli);
    private TestRepository app = null!;

    public async Task InitializeAsync() => app = await TestRepository.CreateAsync(temp.Combine("app"));

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Plan_NoVersionTagYet_IsTheFirstVersionWithAllCommits()
    {
        var head = await app.CommitAsync("feat!: everything changes");

        var plan = await PlanAsync(head, "major");

        plan.Version.Should().Be(new SemanticVersion(0, 1, 0));
        plan.PreviousVersion.Should().BeNull();
        plan.Commits.Select(commit => commit.Description).Should().Equal("everything changes", "initial commit");
        plan.Notes.Should().StartWith("## v0.1.0\n\nFirst release.\n");
        plan.AlreadyReleased.Should().BeFalse();
    }

    [Theory]
    [InlineData("patch", "1.2.4")]
    [InlineData("minor", "1.3.0")]
    [InlineData("major", "2.0.0")]
    public async Task Plan_BumpLevel_RaisesTheLastTag(string bump, string expected)
    {
        await TagAsync("v1.2.3");
        var head = await app.CommitAsync("feat: something new");

        var plan = await PlanAsync(head, bump);

        plan.Version.Should().Be(SemanticVersion.Parse(expected));
        plan.PreviousVersion.Should().Be(new SemanticVersion(1, 2, 3));
        plan.Tag.Should().Be($"v{expected}");
    }

    [Theory]
    [InlineData("fix: a bug", "1.2.4")]
    [InlineData("feat(search): facets", "1.3.0")]
    [InlineData("feat!: new routing", "2.0.0")]
    [InlineData("refactor: new settings\n\nBREAKING CHANGE: settings.php moved", "2.0.0")]
    [InlineData("chore: tidy\n\nBREAKING-CHANGE: drush 12 only", "2.0.0")]
    public async Task Plan_Auto_ReadsTheConventionalCommitsSinceTheLastTag(string message, string expected)
    {
        await app.CommitAsync("feat!: before the last release, not counted");
        await TagAsync("v1.2.3");
        await app.CommitAsync("docs: readme");
        var head = await app.CommitAsync(message);

        var plan = await PlanAsync(head, "auto");

        plan.Version.Should().Be(SemanticVersion.Parse(expected));
        plan.Commits.Should().HaveCount(2);
        plan.Notes.Should().NotContain("before the last release");
    }

    [Fact]
    public async Task Plan_NonReleaseTags_AreIgnored()
    {
        await TagAsync("v1.2.3");
        var head = await app.CommitAsync("fix: a bug");
        foreach (var tag in new[] { "v9", "release-9.0.0", "v9.0.0-rc.1", "latest", "v09.0.0" })
        {
            await app.RunAsync("tag", tag, head);
        }

        var plan = await PlanAsync(head, "auto");

        plan.PreviousVersion.Should().Be(new SemanticVersion(1, 2, 3));
        plan.Version.Should().Be(new SemanticVersion(1, 2, 4));
    }

    [Fact]
    public async Task Plan_TagsNotReachableFromTheCommit_AreIgnored()
    {
        await TagAsync("v1.2.3");
        await app.RunAsync("switch", "--quiet", "--create", "experiment");
        await app.CommitAsync("feat: experiment");
        await TagAsync("v5.0.0");
        await app.RunAsync("switch", "--quiet", "main");
        var head = await app.CommitAsync("fix: on main");

        var plan = await PlanAsync(head, "auto");

        plan.PreviousVersion.Should().Be(new SemanticVersion(1, 2, 3));
        plan.Version.Should().Be(new SemanticVersion(1, 2, 4));
    }

    [Fact]
    public async Task Plan_HighestReachableTag_IsTheLastRelease()
    {
        await TagAsync("v1.10.0");
        await app.CommitAsync("fix: one");
        await TagAsync("v1.9.5");
        var head = await app.CommitAsync("fix: two");

        var plan = await PlanAsync(head, "patch");

        plan.Version.Should().Be(new SemanticVersion(1, 10, 1));
    }

    [Fact]
    public async Task Plan_ExplicitVersionBelowTheLast_IsRefused()
    {
        await TagAsync("v1.2.3");
        var head = await app.CommitAsync("fix: a bug");

        var act = () => PlanAsync(head, "1.2.0");

        await act.Should().ThrowAsync<ReleaseException>().WithMessage("Version v1.2.0 is not greater than the last release v1.2.3*");
    }

    [Fact]
    public async Task Plan_CommitAlreadyTagged_IsThatReleaseWhateverTheBump()
    {
        await TagAsync("v1.2.3");
        await app.CommitAsync("feat: new");
        var head = await TagAsync("v1.3.0");

        var plan = await PlanAsync(head, "major");

        plan.AlreadyReleased.Should().BeTrue();
        plan.Version.Should().Be(new SemanticVersion(1, 3, 0));
        plan.PreviousVersion.Should().Be(new SemanticVersion(1, 2, 3));
    }

    [Fact]
    public async Task Plan_CommitAlreadyTaggedWithAnotherExplicitVersion_IsRefused()
    {
        var head = await TagAsync("v1.3.0");

        var act = () => PlanAsync(head, "2.0.0");

        await act.Should().ThrowAsync<ReleaseException>()
            .WithMessage($"Commit {head[..7]} is already released as v1.3.0: it cannot also become v2.0.0*");
    }

    [Fact]
    public async Task Plan_UnknownCommit_IsRefused()
    {
        var act = () => PlanAsync(new string('a', 40), "auto");

        await act.Should().ThrowAsync<ReleaseException>().WithMessage($"Commit '{new string('a', 40)}' does not exist in*");
    }

    [Fact]
    public async Task Plan_PlainFolder_IsRefusedAsNotARepository()
    {
        var folder = temp.Combine("plain");
        Directory.CreateDirectory(folder);

        var act = () => planner.PlanAsync(folder, "HEAD", VersionRequest.Auto, CancellationToken.None);

        await act.Should().ThrowAsync<ReleaseException>().WithMessage("*is not a git repository*");
    }

    private Task<ReleasePlan> PlanAsync(string commit, string request) =>
        planner.PlanAsync(app.Path, commit, VersionRequest.Parse(request), CancellationToken.None);

    private async Task<string> TagAsync(string tag)
    {
        await app.RunAsync("tag", "--annotate", "--message", tag, tag);
        return await app.HeadAsync();
    }
}
