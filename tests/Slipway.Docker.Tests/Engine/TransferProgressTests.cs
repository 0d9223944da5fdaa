using Docker.DotNet.Models;
using Slipway.Docker.Engine;

namespace Slipway.Docker.Tests.Engine;

public sealed class TransferProgressTests
{
    private readonly ManualClock clock = new();
    private readonly List<string> lines = [];

    [Fact]
    public void Accept_ManyByteUpdates_GiveOneSummaryLineEveryFewSeconds()
    {
        var progress = new TransferProgress("Pushing", lines.Add, clock);
        progress.Accept(Layer("a1", "Preparing"));
        progress.Accept(Layer("b2", "Preparing"));
        for (var megabyte = 1; megabyte <= 20; megabyte++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(200));
            progress.Accept(Layer("a1", "Pushing", megabyte * 1_000_000L, 20_000_000));
        }

        clock.Advance(TransferProgress.DefaultInterval);
        progress.Accept(Layer("a1", "Pushed"));
        progress.Accept(Layer("b2", "Layer already exists"));
        progress.Complete();

        lines.Should().Equal(
            "Pushing: 0 of 1 layers done",
            "Pushing: 1 of 2 layers done, 20.0 of 20.0 MB",
            "Pushing: 2 of 2 layers done, 20.0 of 20.0 MB");
    }

    [Fact]
    public void Accept_LinesOfNoLayer_PassThrough()
    {
        var progress = new TransferProgress("Pushing", lines.Add, clock);

        progress.Accept(new JSONMessage { Status = "The push refers to repository [127.0.0.1:5000/app]" });
        progress.Accept(new JSONMessage { Status = "main-1a2b3c4: digest: sha256:" + new string('0', 64) + " size: 528" });

        lines.Should().Equal(
            "The push refers to repository [127.0.0.1:5000/app]",
            "main-1a2b3c4: digest: sha256:" + new string('0', 64) + " size: 528");
    }

    private static JSONMessage Layer(string id, string status, long? current = null, long? total = null) => new()
    {
        ID = id,
        Status = status,
        Progress = total is null ? null! : new JSONProgress { Current = current, Total = total },
    };

    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
