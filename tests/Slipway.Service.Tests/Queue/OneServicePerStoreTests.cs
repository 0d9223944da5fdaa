using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Queue;

/// <summary>A second Serve on the same work directory must not take over the first one's live runs.</summary>
public sealed class OneServicePerStoreTests
{
    [Fact]
    public async Task SecondServiceOnTheSameStore_RefusesToStartWithASentence_AndLeavesTheRunningRunAlone()
    {
        await using var first = await ServiceUnderTest.StartAsync();
        first.Pipeline.Behaviour = ScriptedPipeline.HoldUntilCancelled;
        var id = await first.StartRunAsync("feature/a");
        await first.WaitForStateAsync(id, RunState.Running);

        var second = async () => await ServiceUnderTest.StartAsync(folder: first.Folder);

        (await second.Should().ThrowAsync<ServiceSettingsException>()).Which.Message.Should()
            .Match($"Another Slipway service (process {Environment.ProcessId}) already uses the state in *; stop it first, or give this one its own --work-directory.");
        (await first.Queue.FindAsync(id, CancellationToken.None))!.State.Should().Be(RunState.Running);
        first.Pipeline.Runs.Should().ContainSingle("the run was started once, by the first service");
    }

    [Fact]
    public async Task ServiceStopped_TheNextOneOnTheSameStoreStarts()
    {
        var folder = new TemporaryFolder();
        var first = await ServiceUnderTest.StartAsync(folder: folder);
        await first.Host.StopAsync();
        await first.Host.DisposeAsync();
        first.Client.Dispose();

        await using var next = await ServiceUnderTest.StartAsync(folder: folder);

        using var health = await next.Client.GetAsync("/healthz");
        health.IsSuccessStatusCode.Should().BeTrue();
    }

    [Fact]
    public async Task PortInUse_IsOneSentenceNamingTheAddress()
    {
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

            var start = async () => await ServiceUnderTest.StartAsync(options => options with { Listen = $"127.0.0.1:{port}" });

            (await start.Should().ThrowAsync<ServiceSettingsException>()).Which.Message.Should().Be(
                $"The service cannot listen on 127.0.0.1:{port}: another program already uses that port, or this user may not: stop it or choose another address with --listen.");
        }
        finally
        {
            taken.Stop();
        }
    }
}
