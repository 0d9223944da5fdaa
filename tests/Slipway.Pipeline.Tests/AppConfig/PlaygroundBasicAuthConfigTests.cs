using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Tests.AppConfig;

/// <summary><c>playground.basic_auth</c> in <c>.slipway.yml</c>: the user and the open paths, never a password.</summary>
public sealed class PlaygroundBasicAuthConfigTests
{
    [Fact]
    public void ReadFrom_BasicAuth_ReadsTheUserAndTheOpenPaths()
    {
        using var app = new AppFolder().WithConfig("""
            playground:
              basic_auth:
                user: qa
                open_paths: [/webhooks/github, /health.php, /hooks/]
            """);

        var access = AppConfigFile.ReadFrom(app.Path).Access;

        access.Should().BeEquivalentTo(new PlaygroundAccess(false, new PlaygroundBasicAuth("qa", ["/webhooks/github", "/health.php", "/hooks"])));
    }

    [Fact]
    public void ReadFrom_WithoutBasicAuth_LeavesThePlaygroundOpen()
    {
        using var app = new AppFolder().WithConfig("playground:\n  unguessable_host: true\n");

        AppConfigFile.ReadFrom(app.Path).Access.BasicAuth.Should().BeNull();
    }

    [Theory]
    [InlineData("playground:\n  basic_auth:\n    user: q a\n", ".slipway.yml line 3 gives 'playground.basic_auth.user' the value 'q a': it takes a user name of 1-64 letters, digits or . _ @ -, e.g. qa.")]
    [InlineData("playground:\n  basic_auth:\n    user: qa\n    password: hunter2\n", ".slipway.yml line 4 has the key 'playground.basic_auth.password', which Slipway does not know: the nearest valid key is 'playground.basic_auth.user'.")]
    [InlineData("playground:\n  basic_auth:\n    user: qa\n    open_paths: /\n", ".slipway.yml line 4 gives 'playground.basic_auth.open_paths' the value '/': it takes URL paths below the site's root such as /webhooks or /health.php (letters, digits, . _ ~ - /).")]
    [InlineData("playground:\n  basic_auth:\n    user: qa\n    open_paths: [\"/a b\"]\n", ".slipway.yml line 4 gives 'playground.basic_auth.open_paths' the value '/a b': it takes URL paths below the site's root such as /webhooks or /health.php (letters, digits, . _ ~ - /).")]
    [InlineData("playground:\n  basic_auth:\n    open_paths: /hooks\n", ".slipway.yml gives 'playground.basic_auth.open_paths' without 'playground.basic_auth.user': name the user people sign in with, or remove the open paths.")]
    [InlineData("dockerfile: ops/Dockerfile\nplayground:\n  basic_auth:\n    user: qa\n", ".slipway.yml asks for playground.basic_auth with the app's own dockerfile ops/Dockerfile: basic auth comes with Slipway's app image, so remove one of the two.")]
    public void ReadFrom_AMistakeInBasicAuth_IsOneSentenceNamingTheFix(string yaml, string message)
    {
        using var app = new AppFolder().WithConfig(yaml);

        var read = () => AppConfigFile.ReadFrom(app.Path);

        read.Should().Throw<AppConfigException>().Which.Message.Should().Be(message);
    }
}
