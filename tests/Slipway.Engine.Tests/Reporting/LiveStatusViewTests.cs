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
}
