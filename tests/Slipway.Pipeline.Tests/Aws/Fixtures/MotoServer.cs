using System.Text;
using System.Text.Json;

namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>The moto AWS emulator on a free loopback port, started by the fixture and stopped by its process id.</summary>
internal sealed class MotoServer : IAsyncDisposable
{
    public const string Region = "eu-west-1";

    private readonly PeerProcess _process;

    private MotoServer(PeerProcess process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
        Cli = new AwsCli(endpoint, Region);
    }

    public Uri Endpoint { get; }

    public AwsCli Cli { get; }

    public static async Task<MotoServer> StartAsync()
    {
        var port = LoopbackPort.Free();
        var process = await PeerProcess.StartAsync("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString()], port);
        return new MotoServer(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>
    /// By default moto moves a task one state per DescribeTasks call, whoever makes it, so a task could stop
    /// before the test has written its log. From now on each step takes at least <paramref name="step"/>
    /// (RUNNING to STOPPED takes four), however often the task is described.
    /// </summary>
    public async Task SlowTasksDownAsync(TimeSpan step)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var transition = new { model_name = "ecs::task", transition = new { progression = "time", seconds = (int)step.TotalSeconds } };

        // moto reads the body by its Content-Length, which a streamed JSON body would not have.
        using var body = new StringContent(JsonSerializer.Serialize(transition), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(Endpoint, "/moto-api/state-manager/set-transition"), body);
        response.EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
