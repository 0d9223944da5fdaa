using Slipway.Pipeline.Naming;

namespace Slipway.Pipeline.Tests.Naming;

/// <summary>Every name derived for a run comes from its identity (app, fork, branch) and stays within each system's limits.</summary>
public sealed class RunIdentityTests
{
    private const string DnsLabel = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$";

    [Fact]
    public void TwoAppsWithTheSameBranch_GetDifferentNamesEverywhere()
    {
        var site = new RunIdentity("site", "feature/x");
        var blog = new RunIdentity("blog", "feature/x");

        site.ContainerName.Should().NotBe(blog.ContainerName);
        site.HostName("example.com").Should().NotBe(blog.HostName("example.com"));
        site.TaskFamily("playground").Should().NotBe(blog.TaskFamily("playground"));
        site.FilesPrefix.Should().NotBe(blog.FilesPrefix);
        site.ImageTag("abc1234").Should().NotBe(blog.ImageTag("abc1234"));
    }

    [Fact]
    public void AForkWithUpstreamsBranchName_GetsItsOwnKeyAndNames()
    {
        var upstream = new RunIdentity("site", "master");
        var fork = new RunIdentity("site", "master", "forker/site");
        var otherFork = new RunIdentity("site", "master", "someone/site");

        upstream.Key.Should().Be("master");
        fork.Key.Should().Be("forker/site:master");
        new[] { upstream.Name, fork.Name, otherFork.Name }.Should().OnlyHaveUniqueItems();
        new[] { upstream.BranchPart, fork.BranchPart, otherFork.BranchPart }.Should().OnlyHaveUniqueItems("the branch database is <app>_<branch part>");
    }

    [Fact]
    public void Key_ReadsBackIntoTheSameIdentity()
    {
        RunIdentity.FromKey("site", "forker/site:feature/x").Should().Be(new RunIdentity("site", "feature/x", "forker/site"));
        RunIdentity.FromKey("site", "feature/x").Should().Be(new RunIdentity("site", "feature/x"));
    }

    [Fact]
    public void PartsThatJoinToTheSameText_StillGetDifferentNames() =>
        new RunIdentity("b-c", "a").Name.Should().NotBe(new RunIdentity("c", "a-b").Name);

    [Theory]
    [InlineData("app", "main", null)]
    [InlineData("a-very-long-application-name-for-the-agency", "feature/JIRA-12345-a-very-long-branch-name-indeed", null)]
    [InlineData("a-very-long-application-name-for-the-agency", "feature/JIRA-12345-a-very-long-branch-name-indeed", "some-long-organisation/some-long-fork-name")]
    public void Names_StayWithinEachSystemsLimits(string app, string branch, string? fork)
    {
        var identity = new RunIdentity(BranchSlug.From(app), branch, fork);

        identity.Name.Should().MatchRegex(DnsLabel);
        identity.Name.Length.Should().BeLessThanOrEqualTo(63, "a DNS label is at most 63 characters");
        identity.ContainerName.Should().MatchRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
        identity.TaskFamily("analysis").Length.Should().BeLessThanOrEqualTo(255);
        identity.ImageTag("abc1234").Length.Should().BeLessThanOrEqualTo(128);
    }

    [Fact]
    public void LongNamesThatShareTheirStart_StayApart()
    {
        var first = new RunIdentity("a-very-long-application-name-for-the-agency", "feature/JIRA-12345-a-very-long-branch-name-one");
        var second = new RunIdentity("a-very-long-application-name-for-the-agency", "feature/JIRA-12345-a-very-long-branch-name-two");

        first.Name.Should().NotBe(second.Name);
        first.BranchPart.Should().NotBe(second.BranchPart);
    }

    [Theory]
    [InlineData("forker/site", true)]
    [InlineData("acme/.github", true)]
    [InlineData("forker", false)]
    [InlineData("forker/..", false)]
    [InlineData("-x/site", false)]
    [InlineData("a/b/c", false)]
    public void IsValidFork_AcceptsOnlyAFullName(string fullName, bool valid) =>
        RunIdentity.IsValidFork(fullName).Should().Be(valid);

    [Theory]
    [InlineData("app", "main", null)]
    [InlineData("a-very-long-application-name-for-the-agency", "feature/JIRA-12345-a-very-long-branch-name-indeed", "some-long-organisation/some-long-fork-name")]
    public void HostLabel_WithARandomPart_StaysOneDnsLabelThatStartsLikeTheNameAndEndsInTheRandomPart(string app, string branch, string? fork)
    {
        var identity = new RunIdentity(BranchSlug.From(app), branch, fork);
        var secret = RunIdentity.NewHostSecret();

        var label = identity.HostLabel(secret);

        label.Should().MatchRegex(DnsLabel).And.EndWith("-" + secret);
        label.Length.Should().BeLessThanOrEqualTo(63, "a DNS label is at most 63 characters");
        identity.HostName("example.com", secret).Should().Be($"{label}.example.com");
        identity.HostLabel(null).Should().Be(identity.Name);
    }

    [Fact]
    public void NewHostSecret_IsTenLowercaseLettersOrDigits_AndNeverRepeats()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => RunIdentity.NewHostSecret()).ToList();

        secrets.Should().AllSatisfy(secret => secret.Should().MatchRegex("^[a-z0-9]{10}$")).And.OnlyHaveUniqueItems();
    }
}
