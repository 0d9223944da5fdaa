using Slipway.Engine;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.Services;
using Slipway.Platform;
using Slipway.Results;

namespace Slipway.Pipeline.Stages;

/// <summary>
/// Runs the tests or the analysis as a task of its own and reads its results back from the task's log
/// (the only channel between Slipway and a task).
/// </summary>
public sealed class TaskStage(PipelineServices services)
{
    public async Task<TaskResults> RunAsync(RunContext run, BuiltApp built, TaskKind kind, CancellationToken cancellationToken)
    {
        var (taskName, script) = kind switch
        {
            TaskKind.Tests => ("tests", "run-tests.sh"),
            TaskKind.Analysis => ("analysis", "run-analysis.sh"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only tests and analysis run as result tasks."),
        };
        var image = (await built.TestsImage.Value).Reference;
        var spec = new TaskSpec(
            // Each platform names its task from this: the local container slipway-<run>-<slug>-tests, the
            // Fargate task family slipway-<app>-<slug>-tests.
            Name: $"{run.Slug}-{taskName}",
            Image: image,
            Kind: kind,
            Owner: run.Owner,
            Command: [script],
            Environment: built.WithAppEnvironment(TaskEnvironment.For(run, built.Profile, kind)),
            Timeout: run.Settings.TaskTimeout,
            // The tests may use the branch database; the analysis reads code only and gets no secret.
            Secrets: kind == TaskKind.Tests ? built.Database.Secrets : null);

        ITaskRun task;
        try
        {
            // The services the tests need (Redis, a browser) start, and are ready, before the tests do.
            spec = spec with { Sidecars = await new SidecarPlanner(services).PlanAsync(run, built.Profile, kind, cancellationToken) };
            task = await services.Platform.StartTaskAsync(spec, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failed = TaskResults.FailedToStart(taskName, exception.Message)
                .WithProblems(LeftoverReport.Problems(taskName, CleanupFailedException.Of(exception), run.Settings.Branch));
            run.Results.Enqueue(failed);
            return failed;
        }

        var results = await RunToEndAsync(run, task, taskName, cancellationToken);
        run.Results.Enqueue(results);
        Log.Information(Describe(results));
        return results;
    }

    // The first failure is the task's result; the clean-up always runs after it, and what it could not
    // remove is added to the results, never put in the failure's place.
    private static async Task<TaskResults> RunToEndAsync(RunContext run, ITaskRun task, string taskName, CancellationToken cancellationToken)
    {
        TaskResults? results = null;
        try
        {
            var outcome = await task.WaitAsync(cancellationToken);
            results = await new TaskResultsReader(taskName).ReadAsync(task.ReadLogAsync(cancellationToken), outcome, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            results = TaskResults.PlatformFailed(taskName, $"task {taskName} could not be followed to its end: {exception.Message}");
        }
        finally
        {
            var leftovers = await CleanUpAsync(task);
            if (leftovers.Count > 0)
            {
                Log.Warning(LeftoverReport.Describe(leftovers, run.Settings.Branch));
                results = results?.WithProblems(LeftoverReport.Problems(taskName, leftovers, run.Settings.Branch));
            }
        }

        // Only a cancellation leaves it unset, and that has been rethrown.
        return results!;
    }

    private static async Task<IReadOnlyList<Leftover>> CleanUpAsync(ITaskRun task)
    {
        try
        {
            await task.DisposeAsync();
            return [];
        }
        catch (CleanupFailedException exception)
        {
            return exception.Leftovers;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return [new Leftover($"task {task.Id}", exception.Message)];
        }
    }

    private static string Describe(TaskResults results)
    {
        var report = RunReport.Combine(results);
        var parts = new List<string>();
        if (report.Tests.Total > 0)
        {
            parts.Add($"{report.Tests.Total} tests, {report.Tests.Failed + report.Tests.Errors} failing, {report.Tests.Skipped} skipped");
        }

        if (results.Tools.Any(tool => tool.Format is not "junit"))
        {
            parts.Add($"{report.Findings.Count} findings");
        }

        parts.AddRange(report.Notes.Where(note => note.SaysNoTestsFound).Select(note => note.ToString()));
        parts.AddRange(report.Problems.Select(problem => problem.Message));
        return $"{results.TaskName}: {(parts.Count == 0 ? "no results" : string.Join("; ", parts))}";
    }
}
