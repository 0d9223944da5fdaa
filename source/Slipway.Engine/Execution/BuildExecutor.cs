using System.Diagnostics;
using Slipway.Engine.Definition;
using Slipway.Engine.Planning;

namespace Slipway.Engine.Execution;

/// <summary>
/// Runs a plan: a target starts as soon as everything it waits for has finished, up to
/// <paramref name="maxParallel"/> at a time. After a failure (unless the failed target proceeds after failure)
/// or on cancellation, nothing new starts except assured targets, which run to the end with a token of their own.
/// </summary>
internal sealed class BuildExecutor(int maxParallel, IExecutionObserver? observer = null, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>Runs the plan to its end; <paramref name="cancellation"/> is the user's Ctrl+C or SIGTERM.</summary>
    public async Task<BuildResult> ExecuteAsync(ExecutionPlan plan, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var stopwatch = Stopwatch.StartNew();
        var runs = plan.Targets.ToDictionary(target => target, target => new TargetRun(target));
        var pending = plan.Targets.ToList();
        var running = new Dictionary<Task, TargetRun>();

        // Targets whose end this loop has handled; a target's own state turns Finished a moment earlier, on its thread,
        // and must not let a successor start before the loop has seen whether the build now stops.
        var handled = new HashSet<ExecutableTarget>();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellation.Register(() => cancelled.TrySetResult());
        var cancelSeen = false;
        var stopping = false;

        while (pending.Count > 0 || running.Count > 0)
        {
            if (cancellation.IsCancellationRequested)
            {
                cancelSeen = stopping = true;
            }

            bool progressed;
            do
            {
                progressed = false;
                for (var index = 0; index < pending.Count; index++)
                {
                    var target = pending[index];
                    if (!plan.PredecessorsOf(target).All(handled.Contains))
                    {
                        continue;
                    }

                    var run = runs[target];
                    if (plan.SkipReason(target) is { } skipReason)
                    {
                        Conclude(run, TargetStatus.Skipped, skipReason, handled);
                    }
                    else if (!target.AssuredAfterFailure && FailedDependency(target, runs) is { } failed)
                    {
                        Conclude(run, TargetStatus.NotRun, $"{failed.Name} did not succeed", handled);
                    }
                    else if (stopping && !target.AssuredAfterFailure)
                    {
                        Conclude(run, TargetStatus.NotRun, cancelSeen ? "the build was cancelled" : "the build stopped after a failure", handled);
                    }
                    else if (running.Count < maxParallel)
                    {
                        var token = target.AssuredAfterFailure ? CancellationToken.None : cancellation;
                        running.Add(Task.Run(() => RunAsync(run, token), CancellationToken.None), run);
                    }
                    else
                    {
                        continue;
                    }

                    pending.RemoveAt(index--);
                    progressed = true;
                }
            }
            while (progressed);

            if (running.Count == 0)
            {
                break;
            }

            var finished = await Task.WhenAny(cancelSeen ? running.Keys : running.Keys.Append(cancelled.Task));
            if (finished == cancelled.Task)
            {
                cancelSeen = stopping = true;
                continue;
            }

            var finishedRun = running[finished];
            running.Remove(finished);
            handled.Add(finishedRun.Target);
            if (finishedRun.Status is TargetStatus.Failed or TargetStatus.Aborted && !finishedRun.Target.ProceedAfterFailure)
            {
                stopping = true;
            }
        }

        cancelSeen |= cancellation.IsCancellationRequested;
        return new BuildResult(plan.Targets.Select(target => runs[target]).ToList(), cancelSeen, stopwatch.Elapsed);
    }

    private static ExecutableTarget? FailedDependency(ExecutableTarget target, Dictionary<ExecutableTarget, TargetRun> runs) =>
        target.DependsOn.FirstOrDefault(dependency =>
            runs.TryGetValue(dependency, out var run) && run.Status is not (TargetStatus.Succeeded or TargetStatus.CheckFailed or TargetStatus.Skipped));

    private static string FailureMessage(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        var message = exception.Message.Trim();
        var lineEnd = message.IndexOfAny(['\r', '\n']);
        return lineEnd < 0 ? message : message[..lineEnd];
    }

    private void Conclude(TargetRun run, TargetStatus status, string note, HashSet<ExecutableTarget> handled)
    {
        run.Finish(status, TimeSpan.Zero, note);
        handled.Add(run.Target);
        observer?.Finished(run);
    }

    private async Task RunAsync(TargetRun run, CancellationToken cancellation)
    {
        CurrentTarget.Enter(run);
        var stopwatch = Stopwatch.StartNew();
        run.MarkRunning(clock.GetLocalNow());
        observer?.Started(run);
        try
        {
            if (!run.Target.DynamicConditions.All(condition => condition()))
            {
                run.Finish(TargetStatus.Skipped, stopwatch.Elapsed, ExecutionPlanner.SkippedByCondition);
            }
            else
            {
                foreach (var action in run.Target.Actions)
                {
                    cancellation.ThrowIfCancellationRequested();
                    await action(cancellation);
                }

                run.Finish(run.CheckFailed ? TargetStatus.CheckFailed : TargetStatus.Succeeded, stopwatch.Elapsed);
            }
        }
        catch (Exception exception) when (cancellation.IsCancellationRequested)
        {
            Log.Warning("Cancelled.");
            Log.Debug(exception.ToString());
            run.Finish(TargetStatus.Aborted, stopwatch.Elapsed, "cancelled");
        }
        catch (Exception exception)
        {
            var message = FailureMessage(exception);
            Log.Error(message);
            Log.Debug(exception.ToString());

            run.Finish(TargetStatus.Failed, stopwatch.Elapsed, message, exception);
        }

        observer?.Finished(run);
    }
}
