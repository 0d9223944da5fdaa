using System.Net;
using Slipway.Service.Apps;
using Slipway.Service.Hosting;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Apps;

public sealed class ServiceSettingsTests
{
    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080, true)]
    [InlineData("localhost:9000", "127.0.0.1", 9000, true)]
    [InlineData("[::1]:8080", "::1", 8080, true)]
    [InlineData("http://0.0.0.0:80/", "0.0.0.0", 80, false)]
    [InlineData("*:8080", "0.0.0.0", 8080, false)]
    public void ListenAddress_ReadsHostAndPort(string text, string address, int port, bool loopback)
    {
        var listen = ListenAddress.Parse(text);

        listen.Should().Be(new ListenAddress(IPAddress.Parse(address), port));
        listen.IsLoopback.Should().Be(loopback);
    }

    [Theory]
    [InlineData("8080")]
    [InlineData("example.com:8080")]
    [InlineData("127.0.0.1:http")]
    [InlineData("127.0.0.1:70000")]
    public void ListenAddress_WithoutAddressAndPort_SaysHowToWriteIt(string text)
    {
        var parse = () => ListenAddress.Parse(text);

        parse.Should().Throw<ServiceSettingsException>().WithMessage($"Listen is '{text}'; give an IP address and a port, such as 127.0.0.1:8080*");
    }

    [Fact]
    public void ParseApps_ReadsRepositoryToSourceEntries()
    {
        var apps = ServiceOptions.ParseApps(["acme/site=https://github.com/acme/site.git", "acme/shop = /srv/git/shop.git"]);

        apps.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["acme/site"] = "https://github.com/acme/site.git",
            ["acme/shop"] = "/srv/git/shop.git",
        });
    }

    [Fact]
    public void ParseApps_EntryWithoutRepository_IsRefusedWithoutShowingCredentials()
    {
        var parse = () => ServiceOptions.ParseApps(["https://builder:tok3n-value@github.com/acme/site.git"]);

        parse.Should().Throw<ServiceSettingsException>()
            .Which.Message.Should().StartWith("ServiceApps entry 'https://***@github.com/acme/site.git' is not 'owner/name=source'").And.NotContain("tok3n-value");
    }

    [Fact]
    public void Options_ToString_ShowsSecretsOnlyAsSet()
    {
        var options = new ServiceOptions
        {
            RootDirectory = "/srv/slipway",
            DatabasePath = "/srv/slipway/.nuke/temp/slipway.db",
            Token = "token-value-1",
            GitHubWebhookSecret = "github-value-2",
            Apps = new Dictionary<string, string> { ["acme/site"] = "https://ci:clone-value-3@github.com/acme/site.git" },
        };

        var text = options.ToString();

        text.Should().Contain("token set").And.Contain("GitHub webhook secret set").And.Contain("Bitbucket webhook secret not set");
        text.Should().NotContain("token-value-1").And.NotContain("github-value-2").And.NotContain("clone-value-3");
        options.Secrets.Should().Contain(["token-value-1", "github-value-2", "clone-value-3"]);
    }

    [Fact]
    public void Catalog_OnlyConfiguredRepositoriesAreApps_AndAWebhookAddsNone()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.Combine("site"));
        var catalog = new AppCatalog(new ServiceOptions
        {
            RootDirectory = folder.Path,
            DatabasePath = "unused",
            DefaultApp = "site",
            Apps = new Dictionary<string, string> { ["acme/shop"] = "https://github.com/acme/shop.git" },
        });

        catalog.ForRepository("acme/shop").Should().Be(new KnownApp("shop", "https://github.com/acme/shop.git", "acme/shop"));
        catalog.ForRepository("ACME/Shop").Should().NotBeNull("GitHub and Bitbucket names are case-insensitive");
        catalog.ForRepository("mallory/shop").Should().BeNull();
        catalog.All.Select(known => known.Name).Should().Equal("shop", "site");
        catalog.Default.Name.Should().Be("site");
    }
}
