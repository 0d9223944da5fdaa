using Slipway.Platform;

namespace Slipway.Docker.Tests.Fixtures;

/// <summary>A registry v2 on 127.0.0.1 that only accepts the user <see cref="Username"/> with <see cref="Password"/>.</summary>
public sealed class AuthenticatedRegistryFixture : IAsyncLifetime
{
    public const string Username = "slipway";

    public const string Password = "slipway-test-password";

    // bcrypt (cost 4) of Password: the registry's htpasswd file accepts only bcrypt hashes.
    private const string PasswordHash = "$2b$04$HRbeLCGQon1K8e0QyFRm7OFSUQDQh94ppZLYQIHTjGCcmmVrFomae";

    private RegistryServer? server;

    /// <summary>host:port, e.g. 127.0.0.1:40123.</summary>
    public string Address => server?.Address ?? throw new InvalidOperationException("The registry has not started.");

    public RegistryCredentials Credentials => new(Username, Password, Address);

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync() => server = await RegistryServer.StartAsync(Http, $"{Username}:{PasswordHash}");

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Http.Dispose();
    }
}
