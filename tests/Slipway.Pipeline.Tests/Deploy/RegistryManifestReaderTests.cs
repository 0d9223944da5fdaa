using Slipway.Composition.Releases;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>
/// How Deploy asks a registry whether a version is already released: a real registry behind a Basic login
/// (htpasswd), and a loopback stand-in for the token flow of the public registries.
/// </summary>
public sealed class RegistryManifestReaderTests : IAsyncLifetime
{
    // bcrypt (cost 4) of "release-secret", as htpasswd -B would write it.
    private const string Htpasswd = "releaser:$2b$04$bfFFKbs9z3dg32tjzy2FDuRc9zFVWHbK/WxlKmI44RfJiXyjyVEpq";

    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-manifests-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private LocalRegistry? _registry;

    private RegistryManifestReader Reader => new(_http);

    public async Task InitializeAsync() => _registry = await LocalRegistry.StartAsync(_folder, Htpasswd);

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FindDigest_WithTheRegistrysLogin_SaysAnUnreleasedVersionIsNotThere()
    {
        var login = new RegistryCredentials("releaser", "release-secret", _registry!.Address);

        var digest = await Reader.FindDigestAsync(_registry.Address, "shop", "0.1.0", login, CancellationToken.None);

        digest.Should().BeNull();
    }

    [Fact]
    public async Task FindDigest_WithoutALogin_AsksForOneInOneSentence()
    {
        var finding = () => Reader.FindDigestAsync(_registry!.Address, "shop", "0.1.0", credentials: null, CancellationToken.None);

        (await finding.Should().ThrowAsync<RegistryException>()).Which.Message.Should()
            .Contain($"docker login {_registry!.Address}").And.Contain("--registry-username");
    }

    [Fact]
    public async Task FindDigest_WithAWrongPassword_SaysTheRegistryRefusedWithoutShowingThePassword()
    {
        var wrong = new RegistryCredentials("releaser", "not-the-secret", _registry!.Address);

        var finding = () => Reader.FindDigestAsync(_registry.Address, "shop", "0.1.0", wrong, CancellationToken.None);

        (await finding.Should().ThrowAsync<RegistryException>()).Which.Message.Should()
            .Contain("refused").And.Contain("credentials").And.NotContain("not-the-secret");
    }

    [Fact]
    public async Task FindDigest_BehindTokenAuthentication_GetsAPullTokenForTheRepositoryAndReadsTheDigest()
    {
        await using var stub = new TokenRegistryStub("releaser", "token-secret");
        var login = new RegistryCredentials("releaser", "token-secret", stub.Address);

        var digest = await Reader.FindDigestAsync(stub.Address, "shop", "1.4.0", login, CancellationToken.None);
        var absent = await Reader.FindDigestAsync(stub.Address, "shop", "9.9.9", login, CancellationToken.None);

        digest.Should().Be(TokenRegistryStub.Digest);
        absent.Should().BeNull();
        stub.RequestedScopes.Should().AllBe("repository:shop:pull");
    }

    [Fact]
    public async Task FindDigest_OfARegistryThatIsNotListening_NamesTheOptionToCheck()
    {
        var finding = () => Reader.FindDigestAsync("127.0.0.1:9", "shop", "0.1.0", credentials: null, CancellationToken.None);

        (await finding.Should().ThrowAsync<RegistryException>()).Which.Message.Should()
            .Contain("Cannot reach the release registry 127.0.0.1:9").And.Contain("--release-registry");
    }
}
