using System.Collections.Concurrent;
using Slipway.Engine.Execution;
using Slipway.Engine.Planning;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Slipway.Engine.Reporting;

/// <summary>
/// For a person at a terminal: a live table below the log showing the running targets with their elapsed time
/// and the targets still waiting. While it is up, only its refresh loop touches the console: targets' log
/// lines are queued and written by the loop above the table, so no two threads ever hold the console at once.
/// </summary>
internal sealed class LiveStatusView(
    ExecutionPlan plan, ConsoleLogSink sink, TimeProvider time, IAnsiConsole? console = null, TimeSpan? refreshInterval = null)
    : IExecutionObserver
{
    private readonly TimeSpan interval = refreshInterval ?? TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<string, TargetRun> started = new();
    private readonly ConcurrentDictionary<string, TargetRun> finished = new();

    public void Started(TargetRun run) => started[run.Target.Name] = run;

    public void Finished(TargetRun run) => finished[run.Target.Name] = run;

    /// <summary>Shows the view while <paramref name="execute"/> runs, and removes it when the build ends.</summary>
    public async Task<BuildResult> ShowWhileAsync(Func<Task<BuildResult>> execute)
    {
        var terminal = console ?? AnsiConsole.Console;
        var previousWriter = sink.Writer;
        var queue = new QueuedConsoleWriter();
        sink.Writer = queue;
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
                        // Lines appear at most one interval late, in batches: one redraw per batch, not per line.
                        WriteLines(terminal, queue);
                        context.UpdateTarget(Render());
                        await Task.WhenAny(build, Task.Delay(interval));
                    }

                    WriteLines(terminal, queue);
                    result = await build;
                });
            return result!;
        }
        finally
        {
            sink.Writer = previousWriter;

            // Lines written after the loop's last look (a clean-up target, the view ending on an exception).
            WriteLines(terminal, queue);
        }
    }

    /// <summary>Writes the queued lines in one go: each write makes Spectre.Console redraw the table below.</summary>
    private static void WriteLines(IAnsiConsole terminal, QueuedConsoleWriter queue)
    {
        var lines = queue.Take();
        if (lines.Count == 0)
        {
            return;
        }

        var paragraph = new Paragraph();
        foreach (var (text, level) in lines)
        {
            paragraph.Append(text + "\n", StyleOf(level));
        }

        terminal.Write(paragraph);
    }

    private static Style StyleOf(LogLevel level) => level switch
    {
        LogLevel.Debug => new Style(Color.Grey),
        LogLevel.Warning => new Style(Color.Yellow),
        LogLevel.Error => new Style(Color.Red),
        _ => Style.Plain,
    };

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
