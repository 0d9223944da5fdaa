using System.Runtime.CompilerServices;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// Follows a task's CloudWatch stream while the task runs: asks for what is new, waits a little when nothing is,
/// and after the task stopped reads on until a read brings nothing (the awslogs driver delivers the last lines
/// a moment after the container ends).
/// </summary>
internal sealed class CloudWatchLogFollower(FargateContext context, string stream, Task stopped)
{
    /// <summary>How many empty reads after the stop end the log: the last lines may still be on their way.</summary>
    private const int EmptyReadsAfterStop = 2;

    public async IAsyncEnumerable<IReadOnlyList<LogLine>> FollowAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        var emptyAfterStop = 0;
        for (var poll = 1; ; poll++)
        {
            var stoppedBefore = stopped.IsCompleted;
            var (events, next) = await context.Clients.Logs.ReadNewAsync(context.Settings.LogGroup, stream, token, context.Settings.LogPageSize, cancellationToken);
            token = next;
            if (events.Count > 0)
            {
                poll = 0;
                yield return events.Select(logEvent => new LogLine(LogStream.Unknown, logEvent.Message.TrimEnd('\r', '\n'))).ToList();
                continue;
            }

            if (stoppedBefore && ++emptyAfterStop >= EmptyReadsAfterStop)
            {
                yield break;
            }

            // Woken early by the stop, so the end of the log is not a whole polling interval late.
            var delay = Task.Delay(context.Settings.TaskPolling.DelayBefore(Math.Max(poll, 1)), cancellationToken);
            await Task.WhenAny(delay, stoppedBefore ? delay : stopped);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
