namespace Slipway.Docker.Tests.Fixtures;

/// <summary>An open registry v2 on 127.0.0.1 for the whole test run.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private RegistryServer? server;

    /// <summary>host:port, e.g. 127.0.0.1:40123.</summary>
    public string Address => server?.Address ?? throw new InvalidOperationException("The registry has not started.");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync() => server = await RegistryServer.StartAsync(Http);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Http.Dispose();
    }
}
