using Slipway.Engine;
using Slipway.Platform;

namespace Slipway.Pipeline.Commands;

/// <summary>
/// Runs one command task to its end: its output handed on line by line as it is written, its task removed
/// afterwards whatever happened (a cancelled wait stops the task first).
/// </summary>
public sealed class CommandTask(IPlatform platform)
{
    public async Task<(int? ExitCode, string? StoppedReason)> RunAsync(TaskSpec spec, Action<LogLine> output, CancellationToken cancellationToken)
    {
        ITaskRun task;
        try
        {
            task = await platform.StartTaskAsync(spec, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new CommandException($"The command's task could not start on {platform.Name}: {exception.Message.TrimEnd('.')}.");
        }

        try
        {
            using var following = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var streaming = StreamAsync(task, output, following.Token);
            TaskOutcome outcome;
            try
            {
                outcome = await task.WaitAsync(cancellationToken);
            }
            finally
            {
                // The log ends by itself once the task stopped; after a cancellation nobody waits for it.
                if (cancellationToken.IsCancellationRequested)
                {
                    await following.CancelAsync();
                }
            }

            await streaming;
            return (outcome.ExitCode, outcome.StoppedReason);
        }
        finally
        {
            try
            {
                await task.DisposeAsync();
            }
            catch (CleanupFailedException exception)
            {
                Log.Warning($"{exception.Message} Teardown --branch removes it.");
            }
        }
    }

    private static async Task StreamAsync(ITaskRun task, Action<LogLine> output, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in task.FollowLogAsync(cancellationToken))
            {
                foreach (var line in page)
                {
                    output(line);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the task.
        }
        catch (Exception exception)
        {
            // The command's outcome still counts; only what it printed is incomplete.
            Log.Warning($"Could not read the rest of the command's output: {exception.Message}");
        }
    }
}
