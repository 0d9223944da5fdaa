using Slipway.Engine.Execution;
using Slipway.Engine.Reporting;
using Slipway.Engine.Tests.Fixtures;
using Spectre.Console;

namespace Slipway.Engine.Tests.Reporting;

public class LiveStatusViewTests
{
    [Fact]
    public async Task ShowWhileAsync_ShowsRunningAndWaitingTargets_AndLogLinesAboveThem()
    {
        var terminal = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(terminal),
        });
        var sink = new ConsoleLogSink(new PlainConsoleWriter(TextWriter.Null, useColor: false));
        using var capture = Log.AddFlowSink(sink);
        var release = new TaskCompletionSource();
        var set = new TargetSet().With("Build", "Playground").DependsOn("Playground", "Build")
            .Does("Build", async _ =>
            {
                Log.Information("composer install");
                await release.Task;
            });
        var plan = set.Plan("Playground");
        var view = new LiveStatusView(plan, sink, TimeProvider.System, console);

        var build = view.ShowWhileAsync(() => new BuildExecutor(2, view).ExecuteAsync(plan, CancellationToken.None));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!terminal.ToString().Contains("running") && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        var whileRunning = terminal.ToString();
        release.SetResult();
        var result = await build;

        result.Succeeded.Should().BeTrue();
        whileRunning.Should().MatchRegex(@"Build\s+│ running").And.MatchRegex(@"Playground\s+│ waiting").And.Contain("0 of 2 targets finished");
        terminal.ToString().Should().Contain("composer install");
        sink.Writer.Should().BeOfType<PlainConsoleWriter>("the console is handed back when the view ends");
    }

    [Fact]
    public async Task ShowWhileAsync_ParallelTargetsLoggingWhileTheViewRefreshes_Finish()
    {
        // Targets that log from their own threads while the view redraws used to take the console's locks in
        // the opposite order to the refresh loop and hang the run (21 minutes on a loaded machine).
        var console = InteractiveConsole(new StringWriter());
        var sink = new ConsoleLogSink(new PlainConsoleWriter(TextWriter.Null, useColor: false));
        using var capture = Log.AddFlowSink(sink);
        var names = Enumerable.Range(1, 4).Select(index => $"Target{index}").ToArray();
        var set = new TargetSet().With(names);
        foreach (var name in names)
        {
            set.Does(name, () =>
            {
                for (var line = 0; line < 3000; line++)
                {
                    Log.Information($"{name} line {line}");
                }
            });
        }

        var plan = set.Plan(names);
        var view = new LiveStatusView(plan, sink, TimeProvider.System, console, refreshInterval: TimeSpan.FromMilliseconds(1));

        var build = Task.Run(() => view.ShowWhileAsync(() => new BuildExecutor(4, view).ExecuteAsync(plan, CancellationToken.None)));
        var finished = await Task.WhenAny(build, Task.Delay(TimeSpan.FromSeconds(60)));

        finished.Should().BeSameAs(build, "logging targets and the live view must never wait on each other");
        (await build).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task ShowWhileAsync_TerminalBusyRedrawing_ATargetsLogLineDoesNotWaitForIt()
    {
        var terminal = new BlockingWriter();
        var sink = new ConsoleLogSink(new PlainConsoleWriter(TextWriter.Null, useColor: false));
        using var capture = Log.AddFlowSink(sink);
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var set = new TargetSet().With("Build").Does("Build", async _ =>
        {
            terminal.BlockNextWrite();
            await terminal.Blocked.WaitAsync(TimeSpan.FromSeconds(30));
            Log.Information("composer install");
            logged.SetResult();
        });
        var plan = set.Plan("Build");
        var view = new LiveStatusView(plan, sink, TimeProvider.System, InteractiveConsole(terminal), TimeSpan.FromMilliseconds(10));

        var build = Task.Run(() => view.ShowWhileAsync(() => new BuildExecutor(1, view).ExecuteAsync(plan, CancellationToken.None)));
        var returned = await Task.WhenAny(logged.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        terminal.Release();

        returned.Should().BeSameAs(logged.Task, "a target's log line is queued for the view, never written from the target's thread");
        (await build.WaitAsync(TimeSpan.FromSeconds(60))).Succeeded.Should().BeTrue();
        terminal.ToString().Should().Contain("composer install");
    }

    private static IAnsiConsole InteractiveConsole(TextWriter terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(terminal),
    });

    /// <summary>A terminal that, once asked, holds the next write until released, like a slow terminal mid-redraw.</summary>
    private sealed class BlockingWriter : StringWriter
    {
        private readonly ManualResetEventSlim released = new(initialState: true);
        private readonly TaskCompletionSource blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int armed;

        public Task Blocked => blocked.Task;

        public void BlockNextWrite()
        {
            released.Reset();
            Volatile.Write(ref armed, 1);
        }

        public void Release() => released.Set();

        public override void Write(char value)
        {
            Hold();
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Hold();
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Hold();
            base.Write(buffer, index, count);
        }

        private void Hold()
        {
            if (Interlocked.Exchange(ref armed, 0) == 1)
            {
                blocked.TrySetResult();
                released.Wait(TimeSpan.FromSeconds(60));
            }
        }
    }
}
