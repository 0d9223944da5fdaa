using System.Collections.Concurrent;
using Slipway.Status.Summary;

namespace Slipway.Status;

/// <summary>
/// Reports to a text writer, for runs without Slack settings: a line when the run starts, a line per stage
/// change, and at the end the same summary the Slack message shows, failures included.
/// </summary>
public sealed class ConsoleStatusReporter(TextWriter output) : IRunStatusReporter
{
    private readonly ConcurrentDictionary<string, Dictionary<string, StageState>> shownStates = new();
    private readonly Lock writing = new();

    /// <inheritdoc />
    public string Name => "Console";

    /// <inheritdoc />
    public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken)
    {
        var summary = new RunSummary(status);
        lock (writing)
        {
            output.WriteLine($"Run {status.RunId}: {status.App} {status.Pipeline} on {status.Branch} ({summary.ShortSha}) started.");
            WriteChangedStages(status);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken)
    {
        lock (writing)
        {
            WriteChangedStages(status);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken)
    {
        shownStates.TryRemove(status.RunId, out _);
        lock (writing)
        {
            foreach (var line in RunSummaryText.Lines(new RunSummary(status)))
            {
                output.WriteLine(line);
            }
        }

        return Task.CompletedTask;
    }

    private void WriteChangedStages(RunStatus status)
    {
        var shown = shownStates.GetOrAdd(status.RunId, _ => []);
        foreach (var stage in status.Stages)
        {
            if (shown.TryGetValue(stage.Name, out var state) && state == stage.State)
            {
                continue;
            }

            shown[stage.Name] = stage.State;
            if (stage.State == StageState.Pending)
            {
                continue;
            }

            var summary = string.IsNullOrWhiteSpace(stage.Summary) ? "" : $" ({stage.Summary})";
            output.WriteLine($"  {stage.Name}: {StageStateText.Word(stage.State)}{summary}");
        }
    }
}
