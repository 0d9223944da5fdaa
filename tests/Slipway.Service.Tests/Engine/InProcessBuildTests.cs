using System.Collections.Concurrent;
using Slipway.Engine;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Engine;

/// <summary>The engine's in-process entry point, as the service uses it: several builds at once in one process, each with its own lines.</summary>
public sealed class InProcessBuildTests : IDisposable
{
    private readonly TemporaryFolder _root = new();

    public InProcessBuildTests() => Directory.CreateDirectory(_root.Combine(".nuke"));

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task RunAsync_RunsTheTargetWithItsParametersAndTheCallersSinkGetsItsLines()
    {
        var lines = new ConcurrentQueue<LogEntry>();
        int exitCode;
        using (Log.AddFlowSink(new QueueSink(lines)))
        {
            exitCode = await InProcessBuild.RunAsync<GreetingBuild>(["Hello", "--greeting", "hi there", "--root", _root.Path], CancellationToken.None);
        }

        exitCode.Should().Be(ExitCodes.Success);
        lines.Should().Contain(entry => entry.Text == "hi there" && entry.Target == "Hello");
    }

    [Fact]
    public async Task TwoBuildsAtOnce_EachSinkGetsOnlyItsOwnBuildsLines()
    {
        var first = new ConcurrentQueue<LogEntry>();
        var second = new ConcurrentQueue<LogEntry>();

        await Task.WhenAll(RunCapturedAsync(first, "first"), RunCapturedAsync(second, "second"));

        first.Select(entry => entry.Text).Should().Contain("first").And.NotContain("second");
        second.Select(entry => entry.Text).Should().Contain("second").And.NotContain("first");
    }

    [Fact]
    public async Task CancelledWhileATargetRuns_StopsItRunsTheCleanUpAndAnswers130()
    {
        var lines = new ConcurrentQueue<LogEntry>();
        using var cancellation = new CancellationTokenSource();
        Task<int> running;
        using (Log.AddFlowSink(new QueueSink(lines, entry => entry.Text == "waiting", cancellation.Cancel)))
        {
            running = InProcessBuild.RunAsync<GreetingBuild>(["Wait", "--root", _root.Path], cancellation.Token);
            (await running).Should().Be(ExitCodes.Cancelled);
        }

        lines.Select(entry => entry.Text).Should().Contain("cleaned up");
    }

    [Fact]
    public async Task UnknownTarget_WritesOneSentenceToTheErrorWriterAndAnswers2()
    {
        var error = new StringWriter();

        var exitCode = await InProcessBuild.RunAsync(() => new GreetingBuild(), ["Hellp", "--root", _root.Path], new InProcessBuildOptions { Error = error }, CancellationToken.None);

        exitCode.Should().Be(ExitCodes.UsageError);
        error.ToString().Should().StartWith("Unknown target 'Hellp': did you mean 'Hello'?");
    }

    [Fact]
    public async Task OutputWriter_GetsWhatTheConsoleWouldShow()
    {
        var output = new StringWriter();

        await InProcessBuild.RunAsync(() => new GreetingBuild(), ["Hello", "--root", _root.Path], new InProcessBuildOptions { Output = output }, CancellationToken.None);

        output.ToString().Should().Contain("Hello").And.Contain("Build succeeded on ");
    }

    private async Task RunCapturedAsync(ConcurrentQueue<LogEntry> lines, string greeting)
    {
        using (Log.AddFlowSink(new QueueSink(lines)))
        {
            (await InProcessBuild.RunAsync<GreetingBuild>(["Hello", "--greeting", greeting, "--root", _root.Path], CancellationToken.None)).Should().Be(0);
        }
    }

    private sealed class QueueSink(ConcurrentQueue<LogEntry> lines, Func<LogEntry, bool>? trigger = null, Action? then = null) : ILogSink
    {
        public void Write(LogEntry entry)
        {
            lines.Enqueue(entry);
            if (trigger?.Invoke(entry) == true)
            {
                then!();
            }
        }
    }
}

/// <summary>A build of three small targets for the entry point's tests.</summary>
public sealed class GreetingBuild : SlipwayBuild
{
    [Parameter("What Hello says.")]
    private readonly string _greeting = "hello";

    private Target Hello => _ => _.Executes(async () =>
    {
        await Task.Delay(20);
        Log.Information(_greeting);
    });

    private Target Wait => _ => _.Executes(async cancellationToken =>
    {
        Log.Information("waiting");
        await Task.Delay(Timeout.Infinite, cancellationToken);
    });

    private Target CleanUp => _ => _.TriggeredBy(Wait).AssuredAfterFailure().Executes(() => Log.Information("cleaned up"));
}
