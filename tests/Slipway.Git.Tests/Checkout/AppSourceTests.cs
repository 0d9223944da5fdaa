using Slipway.Git.Checkout;
using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests.Checkout;

public sealed class AppSourceTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("https://git.example.com/team/app.git")]
    [InlineData("ssh://git@git.example.com/team/app.git")]
    [InlineData("file:///srv/git/app.git")]
    [InlineData("git@github.com:team/app.git")]
    public void Resolve_GitUrl_IsAGitUrlKeptAsGiven(string url)
    {
        var source = AppSource.Resolve(url, "main", null);

        source.Should().Be(new AppSource(AppSourceKind.GitUrl, url, "main", null));
    }

    [Fact]
    public async Task Resolve_RepositoryFolder_IsAGitRepository()
    {
        var repository = await TestRepository.CreateAsync(temp.Combine("app"));

        var source = AppSource.Resolve("app", null, "abc1234", baseDirectory: temp.Path);

        source.Should().Be(new AppSource(AppSourceKind.GitRepository, repository.Path, null, "abc1234"));
    }

    [Fact]
    public async Task Resolve_FolderInsideARepository_IsAPlainFolder()
    {
        var repository = await TestRepository.CreateAsync(temp.Combine("slipway"));
        repository.Write("examples/site/index.php", "<?php\n");

        var source = AppSource.Resolve(Path.Combine(repository.Path, "examples/site"), "feature/x", null);

        source.Kind.Should().Be(AppSourceKind.Folder);
        source.IsGit.Should().BeFalse();
    }

    [Fact]
    public void Resolve_MissingFolder_SaysItDoesNotExist()
    {
        var act = () => AppSource.Resolve(temp.Combine("nowhere"), null, null);

        act.Should().Throw<CheckoutException>().WithMessage($"The app folder '{temp.Combine("nowhere")}' does not exist*");
    }

    [Fact]
    public void Resolve_File_SaysItIsNotAFolder()
    {
        File.WriteAllText(temp.Combine("composer.json"), "{}");

        var act = () => AppSource.Resolve(temp.Combine("composer.json"), null, null);

        act.Should().Throw<CheckoutException>().WithMessage("*is a file, not a folder*");
    }

    [Fact]
    public void Resolve_CommitForAPlainFolder_IsRefused()
    {
        var act = () => AppSource.Resolve(temp.Path, null, "abc1234");

        act.Should().Throw<CheckoutException>().WithMessage("--commit needs a git source*");
    }

    [Theory]
    [InlineData("not-hex")]
    [InlineData("abc")]
    [InlineData("--upload-pack=evil")]
    public void Resolve_CommitThatIsNoCommitId_IsRefused(string commit)
    {
        var act = () => AppSource.Resolve("https://git.example.com/app.git", null, commit);

        act.Should().Throw<CheckoutException>().WithMessage($"The commit '{commit}' is not a commit id*");
    }

    [Theory]
    [InlineData("feature..x")]
    [InlineData("-f")]
    [InlineData("has space")]
    [InlineData("ends/")]
    public void Resolve_InvalidBranchName_IsRefused(string branch)
    {
        var act = () => AppSource.Resolve("https://git.example.com/app.git", branch, null);

        act.Should().Throw<CheckoutException>().WithMessage($"The branch name '{branch}' is not a valid git branch name*");
    }

    [Fact]
    public void Resolve_UnsupportedScheme_IsRefusedWithoutCredentials()
    {
        var act = () => AppSource.Resolve("ftp://me:pa55word@host/app.git", null, null);

        act.Should().Throw<CheckoutException>()
            .Where(failure => !failure.Message.Contains("pa55word"))
            .WithMessage("*uses a scheme git cannot fetch from*");
    }

    [Fact]
    public void ToString_UrlWithCredentials_IsRedacted()
    {
        var source = AppSource.Resolve("https://ci:glpat-secret@gitlab.example.com/app.git", "main", null);

        source.ToString().Should().NotContain("glpat-secret");
        source.DisplayLocation.Should().Be("https://***@gitlab.example.com/app.git");
    }

    [Theory]
    [InlineData("--upload-pack=:;touch /tmp/slipway-pwned;git-upload-pack")]
    [InlineData("-uploadpack")]
    [InlineData("ext::sh -c touch% /tmp/slipway-pwned")]
    [InlineData("ext::sh")]
    [InlineData("ssh://-oProxyCommand=touch/app.git")]
    [InlineData("https://git.example.com/app.git\n--upload-pack=x")]
    public void Resolve_SourceThatGitWouldReadAsAnOptionOrACommand_IsRefused(string app)
    {
        var act = () => AppSource.Resolve(app, "main", null, temp.Path);

        act.Should().Throw<CheckoutException>().WithMessage("*--app*");
    }
}
