using System.Collections.Concurrent;
using Slipway.Engine.Execution;
using Slipway.Engine.Planning;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Slipway.Engine.Reporting;

/// <summary>
/// For a person at a terminal: a live table below the log showing the running targets with their elapsed time
/// and the targets still waiting. Log lines go above it through Spectre.Console, so the two never mix.
/// </summary>
internal sealed class LiveStatusView(ExecutionPlan plan, ConsoleLogSink sink, TimeProvider time, IAnsiConsole? console = null) : IExecutionObserver
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<string, TargetRun> started = new();
    private readonly ConcurrentDictionary<string, TargetRun> finished = new();

    public void Started(TargetRun run) => started[run.Target.Name] = run;

    public void Finished(TargetRun run) => finished[run.Target.Name] = run;

    /// <summary>Shows the view while <paramref name="execute"/> runs, and removes it when the build ends.</summary>
    public async Task<BuildResult> ShowWhileAsync(Func<Task<BuildResult>> execute)
    {
        var terminal = console ?? AnsiConsole.Console;
        var previousWriter = sink.Writer;
        sink.Writer = new SpectreConsoleWriter(terminal);
        try
        {
            BuildResult? result = null;
            await terminal.Live(Render())
                .AutoClear(true)
                .Overflow(VerticalOverflow.Ellipsis)
                .StartAsync(async context =>
                {
                    var build = execute();
                    while (!build.IsCompleted)
                    {
                        context.UpdateTarget(Render());
                        await Task.WhenAny(build, Task.Delay(RefreshInterval));
                    }

                    result = await build;
                });
            return result!;
        }
        finally
        {
            sink.Writer = previousWriter;
        }
    }

    private IRenderable Render()
    {
        var now = time.GetLocalNow();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Target").AddColumn("State").AddColumn(new TableColumn("Elapsed").RightAligned());
        foreach (var target in plan.Targets)
        {
            if (finished.ContainsKey(target.Name))
            {
                continue;
            }

            if (started.TryGetValue(target.Name, out var run) && run.StartedAt is { } startedAt)
            {
                table.AddRow(new Text(target.Name, new Style(Color.Aqua)), new Text("running"), new Text(DurationFormat.Format(now - startedAt)));
            }
            else
            {
                table.AddRow(new Text(target.Name, new Style(Color.Grey)), new Text("waiting", new Style(Color.Grey)), new Text(string.Empty));
            }
        }

        table.Caption($"{finished.Count} of {plan.Targets.Count} targets finished");
        return table;
    }
}
