using System.Collections.Concurrent;

namespace Slipway.Status.Slack;

/// <summary>
/// Keeps one Slack message per run up to date: posted when the run starts, updated in place as stages
/// start and finish, and answered in its thread with the failures when the run ends with any.
/// </summary>
internal sealed class SlackStatusReporter(SlackWebApi api, string channel) : IRunStatusReporter
{
    private readonly ConcurrentDictionary<string, RunMessage> runs = new();

    public string Name => "Slack";

    public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) =>
        ShowAsync(status, cancellationToken);

    public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) =>
        ShowAsync(status, cancellationToken);

    public async Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken)
    {
        var run = runs.GetOrAdd(status.RunId, _ => new RunMessage());
        try
        {
            await ShowAsync(status, cancellationToken);
            await run.Gate.WaitAsync(cancellationToken);
            try
            {
                if (run.Message is null || run.FailuresPosted || run.Superseded ||
                    SlackMessageComposer.ComposeFailures(status) is not { } failures)
                {
                    return;
                }

                run.FailuresPosted = true;
                await api.PostMessageAsync(run.Message.Channel, failures, run.Message.Ts, cancellationToken);
            }
            finally
            {
                run.Gate.Release();
            }
        }
        finally
        {
            runs.TryRemove(status.RunId, out _);
        }
    }

    private async Task ShowAsync(RunStatus status, CancellationToken cancellationToken)
    {
        var run = runs.GetOrAdd(status.RunId, _ => new RunMessage());
        await run.Gate.WaitAsync(cancellationToken);
        try
        {
            // The superseded message is shown once; later snapshots of a replaced run change nothing.
            if (run.Superseded)
            {
                return;
            }

            var message = SlackMessageComposer.Compose(status);
            var json = message.ToJsonString();
            if (json == run.ShownJson)
            {
                return;
            }

            if (run.Message is null)
            {
                // Also the retry of a start that Slack did not take: the run still gets exactly one message.
                run.Message = await api.PostMessageAsync(channel, message, threadTs: null, cancellationToken);
            }
            else
            {
                await api.UpdateAsync(run.Message, message, cancellationToken);
            }

            run.ShownJson = json;
            run.Superseded = status.Superseded;
        }
        finally
        {
            run.Gate.Release();
        }
    }

    private sealed class RunMessage
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public SlackMessageRef? Message { get; set; }

        public string? ShownJson { get; set; }

        public bool FailuresPosted { get; set; }

        public bool Superseded { get; set; }
    }
}
