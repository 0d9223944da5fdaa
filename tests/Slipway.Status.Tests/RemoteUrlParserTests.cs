namespace Slipway.Status.Tests;

public sealed class RemoteUrlParserTests
{
    [Theory]
    [InlineData("https://github.com/acme/site", VcsProvider.GitHub, "github.com", "acme", "site")]
    [InlineData("https://github.com/acme/site.git", VcsProvider.GitHub, "github.com", "acme", "site")]
    [InlineData("https://github.com/acme/site.git/", VcsProvider.GitHub, "github.com", "acme", "site")]
    [InlineData("git@github.com:acme/site.git", VcsProvider.GitHub, "github.com", "acme", "site")]
    [InlineData("github.com:acme/site", VcsProvider.GitHub, "github.com", "acme", "site")]
    [InlineData("ssh://git@github.com:22/acme/site.git", VcsProvider.GitHub, "github.com", "acme", "site")]
    [InlineData("https://x-access-token:abc@github.com/acme/site.git", VcsProvider.GitHub, "github.com", "acme", "site")]
    [InlineData("ssh://git@bitbucket.org/team/web-app.git", VcsProvider.Bitbucket, "bitbucket.org", "team", "web-app")]
    [InlineData("https://jane@bitbucket.org/team/web-app.git", VcsProvider.Bitbucket, "bitbucket.org", "team", "web-app")]
    [InlineData("git@bitbucket.org:team/web-app.git", VcsProvider.Bitbucket, "bitbucket.org", "team", "web-app")]
    public void TryParse_KnownRemoteForms_ReadProviderOwnerAndName(
        string remote, VcsProvider provider, string host, string owner, string name)
    {
        RemoteUrlParser.TryParse(remote, provider: null, out var repository).Should().BeTrue();

        repository.Should().Be(new RepositoryCoordinates(provider, host, owner, name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/srv/git/site.git")]
    [InlineData("./site")]
    [InlineData(@"C:\src\site")]
    [InlineData("https://github.com/acme")]
    [InlineData("https://gitlab.com/acme/site.git")]
    [InlineData("git@git.example.com:acme/site.git")]
    public void TryParse_LocalPathsIncompleteOrUnknownHosts_ReadNothing(string? remote)
    {
        RemoteUrlParser.TryParse(remote, provider: null, out var repository).Should().BeFalse();
        repository.Should().BeNull();
    }

    [Fact]
    public void TryParse_ProviderGiven_AcceptsItsOwnHost()
    {
        RemoteUrlParser.TryParse("git@github.example.com:platform/intranet.git", VcsProvider.GitHub, out var repository).Should().BeTrue();

        repository!.WebUrl.Should().Be(new Uri("https://github.example.com/platform/intranet"));
    }

    [Theory]
    [InlineData("https://deploy:hunter22@github.com/acme/site.git", "github.com/acme/site.git")]
    [InlineData("ssh://git@bitbucket.org/team/app.git", "bitbucket.org/team/app.git")]
    [InlineData("token123@github.com:acme/site.git", "github.com/acme/site.git")]
    public void Redact_DropsUserAndPassword(string remote, string expected)
    {
        RemoteUrlParser.Redact(remote).Should().Be(expected);
    }
}
