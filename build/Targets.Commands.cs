using Slipway.Pipeline.Commands;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Running;

/// <summary>Commands against a branch's environment: a one-off (Run) and the app's cron (Cron); see docs/operations.md.</summary>
partial class Targets
{
    [Parameter("Run: the command to run, as one line (split into words like a shell would, nothing else). Or give the words after --.")]
    readonly string? Command;

    Target Run => _ => _
        .Description("Runs a command in a task from the branch's built image with its playground's environment: ./build.sh Run --branch feature/x -- drush cr.")
        .Requires(() => Branch)
        .WritesStandardOutput()
        .Executes(async cancellationToken =>
        {
            await RunCommandAsync(new CommandRequest(PipelineSettings, CommandFromCommandLine()), cancellationToken);
        });

    Target Cron => _ => _
        .Description("Runs the app's cron (cron.command in .slipway.yml; drush cron, or Drupal 7's cron) against the branch's environment.")
        .Requires(() => Branch)
        .WritesStandardOutput()
        .Executes(async cancellationToken =>
        {
            var settings = PipelineSettings;
            var cron = CommandStep(() => new CommandSession(Composition.Services).CronOf(settings));
            await RunCommandAsync(new CommandRequest(settings, cron, CommandPurpose.Cron), cancellationToken);
        });

    /// <summary>The words after --, or --command split into words; both only ever reach the task as exec words.</summary>
    CommandWords CommandFromCommandLine() => CommandStep(() =>
        ArgumentsAfterSeparator is { Count: > 0 } words ? CommandWords.Of(words)
        : Command is { Length: > 0 } line ? CommandWords.Parse(line)
        : throw new CommandException("No command was given: name it after --, e.g. ./build.sh Run --branch feature/x -- drush cr, or with --command \"drush cr\"."));

    /// <summary>
    /// Runs the command; the target ends with the command's own exit code. The command's standard output is the
    /// process's, raw; everything Slipway says goes to standard error (WritesStandardOutput).
    /// </summary>
    async Task RunCommandAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var session = new CommandSession(Composition.Services, BranchAppEnvironmentAsync);
        Action<Slipway.Platform.LogLine>? output = StandardOutput is { } standardOutput ? new RawCommandOutput(standardOutput).Write : null;
        var outcome = await CommandStepAsync(() => session.RunAsync(request, cancellationToken, output: output));
        if (outcome.Died)
        {
            throw new PassedOnExitCodeException(
                outcome.ExitCode is null or 0 ? ExitCodes.TargetFailed : outcome.ExitCode.Value,
                $"The task running {request.Command} on {request.Settings.Branch} died before the command ended ({outcome.StoppedReason ?? "no exit code"}).");
        }

        if (!outcome.Succeeded)
        {
            throw new PassedOnExitCodeException(outcome.ExitCode!.Value, $"{request.Command} ended with exit code {outcome.ExitCode} (run {outcome.RunId}).");
        }

        ReportSummary($"{request.Command}: exit code 0 (run {outcome.RunId})");
    }

    /// <summary>
    /// The variables the branch's app gets besides Slipway's own, as its playground got them: the branch database's
    /// settings when branches have databases. Services beside the app (once the playground starts some) join here.
    /// </summary>
    async Task<AppEnvironment> BranchAppEnvironmentAsync(RunIdentity identity, CancellationToken cancellationToken)
    {
        if (!HasBranchDatabases)
        {
            return AppEnvironment.None;
        }

        // An account of the command's own: a fresh password for the branch's user would lock its playground out.
        var account = await DataStep(() => Data.CommandAccounts.GrantAsync(identity.App, identity.Key, cancellationToken));
        return new AppEnvironment(account.Settings, account.Secrets, account);
    }

    static T CommandStep<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (CommandException exception)
        {
            throw new BuildFailedException(exception.Message);
        }
    }

    static async Task<T> CommandStepAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (CommandException exception)
        {
            throw new BuildFailedException(exception.Message);
        }
    }
}
