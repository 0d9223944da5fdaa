using System.Runtime.CompilerServices;
using Slipway.Engine.Definition;
using Slipway.Engine.Execution;
using Slipway.Engine.Parameters;
using Slipway.Engine.Planning;
using Slipway.Engine.Reporting;

namespace Slipway.Engine.Hosting;

/// <summary>
/// Runs one invocation of a build: reads the command line and parameters, finds the targets, writes the schema,
/// then shows help or the plan, or checks requirements, runs the plan and shows the summary.
/// </summary>
internal sealed class BuildRunner(BuildHost host)
{
    private const string ContinueSkipReason = "succeeded in the last run";

    /// <summary>Runs the build and returns its exit code (<see cref="ExitCodes"/>); never throws for a user's mistake.</summary>
    public async Task<int> RunAsync(Func<SlipwayBuild> createBuild, IReadOnlyList<string> args, IReadOnlyList<string> defaultTargets)
    {
        var useColor = host.IsInteractive && !host.Environment.ContainsKey("NO_COLOR");
        var sink = new ConsoleLogSink(new PlainConsoleWriter(host.Out, useColor));
        using var capture = host.OwnsProcess ? Log.AddSink(sink) : Log.AddFlowSink(sink);
        var verbosity = Verbosity.Normal;
        try
        {
            var configuration = Configure(createBuild, args);
            var (build, commandLine, options, root, parameters, sources) = configuration;
            verbosity = options.Verbosity;
            sink.Verbosity = verbosity;

            var targets = ExecutableTargetFactory.Create(TargetDiscovery.Find(build));
            WriteSchema(root / ".nuke" / "build.schema.json", targets, parameters);

            var requested = commandLine.Targets.Concat(options.Target ?? []).ToList();
            if (options.Help || (requested.Count == 0 && defaultTargets.Count == 0))
            {
                HelpWriter.Write(host.Out, targets, defaultTargets, parameters, sources);
                return ExitCodes.Success;
            }

            var invoked = Lookup(targets, requested.Count > 0 ? requested : defaultTargets, "target");
            build.AttachInvokedTargets(invoked.Select(target => target.Name).ToList());
            build.AttachArgumentsAfterSeparator(commandLine.AfterSeparator);
            var skip = options.Skip is null
                ? SkipRequest.None
                : new SkipRequest(options.Skip.Length == 0, Lookup(targets, options.Skip, "target to skip"));
            var plan = ExecutionPlanner.Plan(targets, invoked, skip);
            var ownsOutput = !options.Plan && plan.Targets.Any(target => target.OwnsStandardOutput);
            if (ownsOutput)
            {
                // The target's product alone on standard output: everything the engine says goes to standard error.
                sink.Writer = new PlainConsoleWriter(host.Error, useColor);
                build.AttachStandardOutput(host.StandardOutput);
            }

            WarnOfSecretsOnCommandLine(configuration);

            var maxParallel = options.Sequential ? 1 : options.MaxParallel;
            var temporaryDirectory = root / ".nuke" / "temp";
            var invocationKey = InvocationRecord.KeyOf(commandLine, parameters);
            if (options.Continue)
            {
                ContinueFrom(plan, InvocationRecord.Load(InvocationRecord.FileIn(temporaryDirectory)), invocationKey);
            }

            if (options.Plan)
            {
                PlanWriter.Write(host.Out, plan, maxParallel);
                return ExitCodes.Success;
            }

            RequirementChecker.Check(plan, configuration.BuildParameters);

            var result = await ExecuteAsync(plan, sink, maxParallel, liveView: !ownsOutput);
            SummaryWriter.Write(sink.Writer, result, host.Time.GetLocalNow(), verbosity == Verbosity.Verbose);
            Record(result, invocationKey, temporaryDirectory);
            return result.ExitCode;
        }
        catch (UsageException exception)
        {
            host.Error.WriteLine(exception.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception exception)
        {
            // An exception outside any target (a static condition, a target definition) is the build's own error.
            host.Error.WriteLine(verbosity == Verbosity.Verbose ? exception.ToString() : exception.Message);
            return ExitCodes.TargetFailed;
        }
    }

    /// <summary>Creates the build and sets its parameters and the engine's options from their sources.</summary>
    private BuildConfiguration Configure(Func<SlipwayBuild> createBuild, IReadOnlyList<string> args)
    {
        var options = new EngineOptions();
        var engineParameters = options.Describe();
        var sources = new Dictionary<ParameterDescriptor, ParameterSource>();

        // The root and the profiles say where the parameters files are, so they come from the command line or the environment.
        var firstReading = new ParameterResolver(CommandLineArguments.Parse(args), host.Environment, host.WorkingDirectory);
        foreach (var early in engineParameters.Where(parameter => parameter.Name is nameof(EngineOptions.Root) or nameof(EngineOptions.Profile)))
        {
            sources[early] = firstReading.Apply(early);
        }

        var root = options.Root ??= RootDirectoryLocator.Find(host.RootSearchStarts);
        var build = createBuild();
        build.Attach(root, options.Verbosity);
        var buildParameters = ParameterDiscovery.Find(build);
        var parameters = buildParameters.Concat(engineParameters).ToList();

        // A word after a flag is a target name unless it is true or false, so the flags must be known to read the command line.
        var flags = parameters.Where(parameter => parameter.IsFlag).Select(parameter => parameter.Key).ToHashSet();
        var commandLine = CommandLineArguments.Parse(args, flags.Contains);
        CheckNames(buildParameters, engineParameters, commandLine);
        var resolver = new ParameterResolver(commandLine, host.Environment, host.WorkingDirectory);
        resolver.LoadFiles(root / ".nuke", options.Profile ?? []);
        resolver.CheckFileNames(parameters);
        foreach (var parameter in parameters.Where(parameter => !sources.ContainsKey(parameter)))
        {
            sources[parameter] = resolver.Apply(parameter);
        }

        if (options.MaxParallel < 1)
        {
            throw new UsageException($"Parameter 'MaxParallel' must be at least 1, not {options.MaxParallel}.");
        }

        build.Attach(root, options.Verbosity);
        build.AttachParameterSources(sources.ToDictionary(pair => pair.Key.Name, pair => pair.Value.ShortText));
        return new BuildConfiguration(build, commandLine, options, root, parameters, sources);
    }

    // Only a real process's command line is visible to others; an in-process build (the service's runs) has none.
    private void WarnOfSecretsOnCommandLine(BuildConfiguration configuration)
    {
        foreach (var secret in configuration.Parameters.Where(parameter =>
                     host.OwnsProcess && parameter.IsSecret && configuration.Sources[parameter].Kind == ParameterSourceKind.CommandLine))
        {
            Log.Warning(
                $"{secret.CommandLineName} on the command line can be read by every user of this machine (ps); set {secret.PreferredEnvironmentName} or {secret.PreferredEnvironmentName}_FILE instead.");
        }
    }

    private static void CheckNames(
        IReadOnlyList<ParameterDescriptor> buildParameters,
        IReadOnlyList<ParameterDescriptor> engineParameters,
        CommandLineArguments commandLine)
    {
        foreach (var parameter in buildParameters)
        {
            if (engineParameters.Any(option => option.Key == parameter.Key))
            {
                throw new UsageException(
                    $"Parameter '{parameter.Name}' has the name of the engine's own {parameter.CommandLineName} option; rename it.");
            }
        }

        var known = buildParameters.Concat(engineParameters).ToList();
        foreach (var option in commandLine.Options)
        {
            if (!known.Any(parameter => parameter.Key == option.Key))
            {
                var closest = TargetNameMatcher.Closest(option.Name, known.Select(parameter => ParameterNames.ToKebabCase(parameter.Name)));
                throw new UsageException($"Unknown option '--{option.Name}': did you mean '--{closest}'? See --help for all options.");
            }
        }
    }

    private static List<ExecutableTarget> Lookup(IReadOnlyList<ExecutableTarget> targets, IEnumerable<string> names, string what)
    {
        var found = new List<ExecutableTarget>();
        foreach (var name in names)
        {
            var target = targets.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
            if (target is null)
            {
                var listed = targets.Where(candidate => candidate.IsListed).Select(candidate => candidate.Name).Order(StringComparer.OrdinalIgnoreCase).ToList();
                var closest = TargetNameMatcher.Closest(name, listed);
                var suggestion = closest is null ? string.Empty : $" did you mean '{closest}'?";
                throw new UsageException(
                    $"Unknown {what} '{name}':{suggestion} Available targets: {string.Join(", ", listed)}.");
            }

            if (!found.Contains(target))
            {
                found.Add(target);
            }
        }

        return found;
    }

    private static void WriteSchema(AbsolutePath file, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters)
    {
        try
        {
            BuildSchemaWriter.WriteIfChanged(file, targets, parameters);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A read-only checkout can still build; only editors lose the schema's completion.
            Log.Debug($"Could not write {file}: {exception.Message}");
        }
    }

    private static void ContinueFrom(ExecutionPlan plan, InvocationRecord? last, string invocationKey)
    {
        if (last is null || last.Key != invocationKey)
        {
            Log.Warning("--continue: the last invocation was a different one (or none was recorded), so every target runs.");
            return;
        }

        foreach (var target in plan.Targets.Where(target => last.Succeeded.Contains(target.Name)))
        {
            plan.Skip(target, ContinueSkipReason);
        }
    }

    private static void Record(BuildResult result, string invocationKey, AbsolutePath temporaryDirectory)
    {
        var succeeded = result.Runs
            .Where(run => run.Status == TargetStatus.Succeeded || (run.Status == TargetStatus.Skipped && run.Note == ContinueSkipReason))
            .Select(run => run.Target.Name)
            .ToList();
        try
        {
            new InvocationRecord(invocationKey, succeeded).Save(InvocationRecord.FileIn(temporaryDirectory));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.Warning($"Could not record this invocation for --continue: {exception.Message}");
        }
    }

    private async Task<BuildResult> ExecuteAsync(ExecutionPlan plan, ConsoleLogSink sink, int maxParallel, bool liveView)
    {
        var runsInParallel = maxParallel > 1 && plan.Waves().Any(wave => wave.Count > 1);
        sink.PrefixWidth = runsInParallel ? plan.Targets.Max(target => target.Name.Length) : 0;
        var progress = new ProgressReporter(namesInPrefix: runsInParallel);
        if (liveView && host.IsInteractive && sink.Verbosity != Verbosity.Quiet)
        {
            return await ExecuteWithLiveViewAsync(plan, sink, maxParallel, progress);
        }

        return await new BuildExecutor(maxParallel, progress, host.Time).ExecuteAsync(plan, host.Cancellation);
    }

    // Kept apart so that Spectre.Console is loaded only when a live view is shown, not for --help or CI runs.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<BuildResult> ExecuteWithLiveViewAsync(ExecutionPlan plan, ConsoleLogSink sink, int maxParallel, ProgressReporter progress)
    {
        var view = new LiveStatusView(plan, sink, host.Time);
        var executor = new BuildExecutor(maxParallel, new CompositeObserver(progress, view), host.Time);
        return view.ShowWhileAsync(() => executor.ExecuteAsync(plan, host.Cancellation));
    }
}
