using System.Runtime.CompilerServices;
using Slipway.Aws.Ecs;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// A test or analysis task on Fargate. Waiting polls DescribeTasks until the task is STOPPED, and rides
/// out an AWS it cannot reach for <see cref="AwsSettings.UnreachableBudget"/>; its log is read back from
/// CloudWatch; disposing it stops the task and removes its task definition and stored secrets, each step tried whatever the
/// other did.
/// </summary>
internal sealed class FargateTaskRun(
    FargateContext context,
    EcsTask started,
    string taskDefinitionArn,
    IReadOnlyList<string> secretNames,
    TaskSpec spec,
    TimeSpan timeout) : ITaskRun
{
    private readonly string containerName = FargateNames.Container(spec.Kind);
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;
    private readonly TaskCompletionSource stoppedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskOutcome? outcome;
    private bool stopped;
    private bool disposed;

    public string Id { get; } = started.TaskArn;

    public async Task<TaskOutcome> WaitAsync(CancellationToken cancellationToken)
    {
        if (outcome is not null)
        {
            return outcome;
        }

        var deadline = DateTimeOffset.UtcNow + timeout;
        DateTimeOffset? unreachableSince = null;
        try
        {
            for (var poll = 1; ; poll++)
            {
                EcsTask? task;
                try
                {
                    task = (await context.Clients.Ecs.DescribeTasksAsync(context.Cluster, [Id], includeTags: false, cancellationToken)).FirstOrDefault();
                    unreachableSince = null;
                }
                catch (AwsException exception) when (exception.IsTransient && WithinOutageBudget(ref unreachableSince))
                {
                    // Each call already retried; the task runs on whether or not Slipway can see it, so keep asking.
                    await Task.Delay(context.Settings.TaskPolling.DelayBefore(poll), cancellationToken);
                    continue;
                }

                if (task is null && !NewTaskVisibility.MayStillAppear(startedAt))
                {
                    stopped = true;
                    stoppedSignal.TrySetResult();
                    return outcome = new TaskOutcome(null, "ECS no longer knows the task (stopped tasks are kept for about an hour)");
                }

                if (task is { IsStopped: true })
                {
                    stopped = true;
                    stoppedSignal.TrySetResult();
                    return outcome = TaskOutcomes.Of(task, containerName);
                }

                var left = deadline - DateTimeOffset.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    await StopTaskAsync($"Slipway: ran longer than {timeout}", cancellationToken);
                    return outcome = new TaskOutcome(null, $"Timed out after {timeout}: Slipway stopped the task");
                }

                var wait = context.Settings.TaskPolling.DelayBefore(poll);
                await Task.Delay(wait < left ? wait : left, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C must not leave the task running with nothing tracking it; the caller still sees the cancellation.
            if (await CleanupStep.RunAsync($"task {Id}", token => StopTaskAsync("Slipway: cancelled", token)) is { } leftover)
            {
                context.Warn($"Could not stop task {Id} after the cancellation ({leftover.Reason.TrimEnd('.')}); Teardown will stop it.");
            }

            throw;
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<LogLine>> ReadLogAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = FargateNames.LogStream(spec.Owner.App, spec.Kind, started.Id);
        await foreach (var page in context.Clients.Logs.ReadStreamAsync(context.Settings.LogGroup, stream, context.Settings.LogPageSize, cancellationToken))
        {
            yield return page.Select(logEvent => new LogLine(LogStream.Unknown, logEvent.Message.TrimEnd('\r', '\n'))).ToList();
        }
    }

    /// <summary>The CloudWatch stream as it grows, until the task has stopped (seen by <see cref="WaitAsync"/>) and all is read.</summary>
    public IAsyncEnumerable<IReadOnlyList<LogLine>> FollowLogAsync(CancellationToken cancellationToken) =>
        new CloudWatchLogFollower(context, FargateNames.LogStream(spec.Owner.App, spec.Kind, started.Id), stoppedSignal.Task).FollowAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) =>
        stopped ? Task.CompletedTask : StopTaskAsync("Stopped by Slipway", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        stoppedSignal.TrySetResult();
        var leftovers = await CleanupStep.RunAllAsync(
            ($"task {Id}", StopAsync),
            new TaskDefinitionRemover(context).Step(taskDefinitionArn),
            new FargateSecrets(context).RemoveStep(secretNames));
        if (leftovers.Count > 0)
        {
            throw new CleanupFailedException(leftovers);
        }
    }

    // True while AWS has been unreachable for less than the budget (starting the clock at the first failure).
    private bool WithinOutageBudget(ref DateTimeOffset? unreachableSince)
    {
        var now = DateTimeOffset.UtcNow;
        unreachableSince ??= now;
        return now - unreachableSince.Value < context.Settings.UnreachableBudget;
    }

    private async Task StopTaskAsync(string reason, CancellationToken cancellationToken)
    {
        await context.Clients.Ecs.StopTaskAsync(context.Cluster, Id, reason, cancellationToken);
        stopped = true;
        stoppedSignal.TrySetResult();
    }
}
