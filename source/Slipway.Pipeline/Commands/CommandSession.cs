using Slipway.Engine;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Status;

namespace Slipway.Pipeline.Commands;

/// <summary>
/// Runs a command against a branch's environment and records it as a run of its own (<c>Run</c> or <c>Cron</c>
/// in the run store, with a lease, so a killed process's task is swept like any run's): the image the branch's
/// playground serves, the playground's variables, and what <paramref name="appEnvironment"/> adds (the branch
/// database's settings; the addresses of the playground's services once the app has some).
/// </summary>
/// <param name="appEnvironment">The variables the branch's app gets besides Slipway's own, asked for just before the task starts.</param>
public sealed class CommandSession(
    PipelineServices services, Func<RunIdentity, CancellationToken, Task<AppEnvironment>>? appEnvironment = null)
{
    /// <summary>Runs the command; its output goes to <paramref name="output"/> (default: the log) as it is written.</summary>
    /// <param name="runStarted">Told the run's id once it is recorded (the service's queue keeps it).</param>
    /// <param name="output">Takes each line of the command's output (<see cref="RawCommandOutput"/> for the console's standard output).</param>
    /// <exception cref="CommandException">There is nothing to run the command in, or its task could not start.</exception>
    public async Task<CommandOutcome> RunAsync(
        CommandRequest request, CancellationToken cancellationToken, Func<string, Task>? runStarted = null, Action<LogLine>? output = null)
    {
        var settings = request.Settings;
        var app = PipelineSession.AppNameOf(settings.App, services.Layout.Root);
        var identity = new RunIdentity(app, settings.Branch, settings.Fork);
        var environment = await BranchEnvironment.FindAsync(services.Store, services.Platform.Name, app, identity, cancellationToken);

        var runId = RunIds.New(services.Clock.GetUtcNow());
        using var lease = RunLease.Take(services.Layout.RunFolder(runId));
        var record = new RunRecord(runId, request.Pipeline, app, identity.Key, null, RunState.Running, services.Clock.GetUtcNow(), services.Clock.GetUtcNow(),
            Summary: request.Command.ToString());
        await services.Store.SaveRunAsync(record, CancellationToken.None);
        if (runStarted is not null)
        {
            await runStarted(runId);
        }

        var state = RunState.Failed;
        var summary = "could not start";
        try
        {
            await using var variables = appEnvironment is null ? AppEnvironment.None : await appEnvironment(identity, cancellationToken);
            var spec = new TaskSpec(
                Name: $"{identity.Name}-command",
                Image: environment.Image,
                Kind: TaskKind.Command,
                Owner: new Ownership(app, identity.Key, runId),
                Command: request.Command.Words,
                Environment: EnvironmentOf(app, identity, environment, variables),
                Timeout: settings.TaskTimeout,
                Secrets: variables.Secrets);
            Log.Information($"{request.Pipeline} {request.Command} in {environment.Image} ({identity.Branch}).");
            var (exitCode, stoppedReason) = await new CommandTask(services.Platform).RunAsync(spec, output ?? (line => Log.Information(line.Text)), cancellationToken);
            var outcome = new CommandOutcome(runId, exitCode, stoppedReason);
            (state, summary) = (outcome.Succeeded ? RunState.Succeeded : RunState.Failed, $"{request.Command}: {outcome}");
            return outcome;
        }
        catch (OperationCanceledException)
        {
            (state, summary) = (RunState.Cancelled, $"{request.Command}: cancelled");
            throw;
        }
        finally
        {
            await services.Store.SaveRunAsync(record with { State = state, FinishedAt = services.Clock.GetUtcNow(), Summary = summary }, CancellationToken.None);
        }
    }

    /// <summary>The app's cron command, from the branch's last built code (<see cref="BranchAppSettings.Cron"/>).</summary>
    /// <exception cref="CommandException">The branch was not built here, or the app has no cron command Slipway can tell.</exception>
    public CommandWords CronOf(PipelineSettings settings)
    {
        var app = PipelineSession.AppNameOf(settings.App, services.Layout.Root);
        return BranchAppSettings.Read(services.Layout, app, new RunIdentity(app, settings.Branch, settings.Fork)).Cron;
    }

    // The playground's variables (PlaygroundStage), so the command sees the site as the playground does.
    private static Dictionary<string, string> EnvironmentOf(string app, RunIdentity identity, BranchEnvironment environment, AppEnvironment appVariables)
    {
        var variables = new Dictionary<string, string>
        {
            ["SLIPWAY_APP"] = app,
            ["SLIPWAY_BRANCH"] = identity.Branch,
            ["SLIPWAY_BUILD_ID"] = environment.BuildRunId,
        };
        foreach (var (name, value) in appVariables.Variables)
        {
            variables[name] = value;
        }

        return variables;
    }
}
