namespace Slipway.Git.Tests;

public class CredentialRedactorTests
{
    [Theory]
    [InlineData("https://user:s3cr3t-token@git.example.com/team/app.git", "https://***@git.example.com/team/app.git")]
    [InlineData("fatal: unable to access 'https://ghp_abcdef123@github.com/a/b.git/': 403", "fatal: unable to access 'https://***@github.com/a/b.git/': 403")]
    [InlineData("ssh://deploy:hunter22@host/app.git", "ssh://***@host/app.git")]
    public void Redact_UrlWithCredentials_MasksTheUserInfo(string text, string expected) =>
        CredentialRedactor.Redact(text).Should().Be(expected);

    [Theory]
    [InlineData("ssh://git@bitbucket.org/team/app.git")]
    [InlineData("git@github.com:team/app.git")]
    [InlineData("https://github.com/team/app.git")]
    [InlineData("/srv/apps/site")]
    public void Redact_TextWithoutSecrets_IsUnchanged(string text) =>
        CredentialRedactor.Redact(text).Should().Be(text);

    [Fact]
    public void Redact_KnownSecretOutsideAUrl_IsMaskedToo()
    {
        var secrets = CredentialRedactor.SecretsIn(["https://user:p%40ss-word@host/app.git"]);

        var redacted = CredentialRedactor.Redact("remote said: bad password p@ss-word", secrets);

        redacted.Should().Be("remote said: bad password ***");
    }
}
