using Slipway.Engine;
using Slipway.Pipeline.Running;
using Slipway.Platform;
using Slipway.Results;

namespace Slipway.Pipeline.Stages;

/// <summary>
/// Runs the tests or the analysis as a task of its own and reads its results back from the task's log
/// (the only channel between Slipway and a task).
/// </summary>
public sealed class TaskStage(PipelineServices services)
{
    public async Task<TaskResults> RunAsync(RunContext run, TaskKind kind, CancellationToken cancellationToken)
    {
        var (taskName, script) = kind switch
        {
            TaskKind.Tests => ("tests", "run-tests.sh"),
            TaskKind.Analysis => ("analysis", "run-analysis.sh"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only tests and analysis run as result tasks."),
        };
        var image = await (run.TestsImage ?? throw new InvalidOperationException("Build has not run.")).Value;
        var spec = new TaskSpec(
            // Each platform names its task from this: the local container slipway-<run>-<slug>-tests, the
            // Fargate task family slipway-<app>-<slug>-tests.
            Name: $"{run.Slug}-{taskName}",
            Image: image,
            Kind: kind,
            Owner: run.Owner,
            Command: [script],
            Environment: run.WithAppEnvironment(new Dictionary<string, string>
            {
                ["SLIPWAY_APP"] = run.AppName,
                ["SLIPWAY_BRANCH"] = run.Settings.Branch,
                ["SLIPWAY_BUILD_ID"] = run.RunId,
            }),
            Timeout: run.Settings.TaskRunTimeout);

        TaskResults results;
        ITaskRun task;
        try
        {
            task = await services.Platform.StartTaskAsync(spec, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            results = TaskResults.FailedToStart(taskName, exception.Message);
            run.Results.Enqueue(results);
            return results;
        }

        await using (task)
        {
            var outcome = await task.WaitAsync(cancellationToken);
            var reader = new TaskResultsReader(taskName);
            results = await reader.ReadAsync(task.ReadLogAsync(cancellationToken), outcome, cancellationToken);
        }

        run.Results.Enqueue(results);
        Log.Information(Describe(results));
        return results;
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

        parts.AddRange(report.Problems.Select(problem => problem.Message));
        return $"{results.TaskName}: {(parts.Count == 0 ? "no results" : string.Join("; ", parts))}";
    }
}
