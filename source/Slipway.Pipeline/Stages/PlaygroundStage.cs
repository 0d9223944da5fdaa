using Slipway.Engine;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Playground;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.Services;
using Slipway.Pipeline.State;
using Slipway.Platform;

namespace Slipway.Pipeline.Stages;

/// <summary>Serves the built branch at its own URL until it is torn down.</summary>
public sealed class PlaygroundStage(PipelineServices services)
{
    private const int LogLinesOnFailure = 20;

    public async Task<Uri> RunAsync(RunContext run, BuiltApp built, CancellationToken cancellationToken)
    {
        var image = built.PublishedImage;
        var auth = PlaygroundAuthSetup.For(built.Profile, run.Settings);
        var hostSecret = await PlaygroundHostSecret.ForAsync(run, built.Profile, services.Store, cancellationToken);
        var files = await PlaygroundFilesSetup.ForAsync(services.Files, services.Platform, run.AppName, built.Profile, cancellationToken);
        var spec = new ServiceSpec(
            run.Slug,
            image,
            run.Owner,
            ContainerPort: 80,
            // The app's own variables (playground.environment) first: Slipway's names are refused there anyway.
            Environment: built.WithAppEnvironment(BuiltApp.WithAppEnvironment(
                new Dictionary<string, string>(built.Profile.PlaygroundEnvironment)
                {
                    ["SLIPWAY_APP"] = run.AppName,
                    ["SLIPWAY_BRANCH"] = run.Settings.Branch,
                    ["SLIPWAY_BUILD_ID"] = run.RunId,
                },
                auth.Environment.Concat(files.Environment).ToDictionary())),
            Secrets: BuiltApp.WithAppEnvironment(new Dictionary<string, string>(built.Database.Secrets), auth.Secrets.Concat(files.Secrets).ToDictionary()),
            Sidecars: await new SidecarPlanner(services).PlanAsync(run, built.Profile, TaskKind.Playground, cancellationToken),
            HostLabel: hostSecret is null ? null : run.Identity.HostLabel(hostSecret),
            Files: files.Files);
        var endpoint = await services.Platform.StartServiceAsync(spec, cancellationToken);
        ProbeReport probe;
        var check = built.Profile.Readiness;
        var timeout = run.Settings.PlaygroundTimeout + files.ProbeAllowance;
        try
        {
            probe = await services.Probe.WaitUntilReadyAsync(
                endpoint.ProbeUrl, endpoint.ProbeHost, check, timeout, cancellationToken, auth.ProbeCredentials);
        }
        catch (OperationCanceledException)
        {
            // A playground cancelled while starting is nobody's: take it down rather than leave it half-made.
            if (await RemoveServiceAsync(run, endpoint) is { Count: > 0 } leftovers)
            {
                Log.Warning(LeftoverReport.Describe(leftovers, run.Settings.Branch));
            }

            throw;
        }

        if (!probe.Ready)
        {
            var tail = await ReadLogTailAsync(endpoint);
            var leftovers = await RemoveServiceAsync(run, endpoint);
            var lines = tail.Count == 0 ? " It wrote nothing." : $" Its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, tail.Select(line => line.Text))}";
            var wanted = string.Join(" or ", check.Statuses);
            var notReady = new BuildFailedException(
                $"The playground for {run.Settings.Branch} did not answer HTTP {wanted} at {check.Path} within {timeout.TotalSeconds:0} s at {endpoint.PublicUrl}. {probe.LikelyCause(built.Profile)}{PlaygroundFilesSetup.FetchNote(tail)}{lines}");
            CleanupFailedException.Attach(notReady, leftovers);
            throw notReady;
        }

        await services.Store.SavePlaygroundAsync(
            new PlaygroundRecord(
                run.AppName,
                run.Identity.Key,
                run.Slug,
                endpoint.PublicUrl.ToString(),
                endpoint.ResourceId,
                image,
                run.RunId,
                services.Platform.Name,
                services.Clock.GetUtcNow(),
                HostSecret: hostSecret),
            cancellationToken);
        Log.Information($"Playground for {run.Settings.Branch} is ready at {endpoint.PublicUrl}");
        return endpoint.PublicUrl;
    }

    // Only context for the failure being reported: a log that cannot be read must not take that failure's place.
    private async Task<IReadOnlyList<LogLine>> ReadLogTailAsync(ServiceEndpoint endpoint)
    {
        try
        {
            return await services.Platform.ReadServiceLogTailAsync(endpoint, LogLinesOnFailure, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Warning($"Could not read the playground's log ({exception.Message}).");
            return [];
        }
    }

    // The caller reports why the playground goes; what could not be removed is added to that, never put in its place.
    private async Task<IReadOnlyList<Leftover>> RemoveServiceAsync(RunContext run, ServiceEndpoint endpoint)
    {
        try
        {
            var owned = await services.Platform.ListOwnedAsync(run.AppName, run.Identity.Key, CancellationToken.None);
            // The playground's services and network carry its run and kind: they go with it.
            var service = owned.Where(resource => resource.Id == endpoint.ResourceId ||
                                                  (resource.Label(Ownership.RunLabel) == run.RunId &&
                                                   resource.Label(Ownership.KindLabel) == TaskKind.Playground.Label() &&
                                                   resource.Label(Ownership.RoleLabel) is not null)).ToList();
            await services.Platform.RemoveAsync(service, CancellationToken.None);
            return [];
        }
        catch (CleanupFailedException exception)
        {
            return exception.Leftovers;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return [new Leftover($"playground {endpoint.ResourceId}", exception.Message)];
        }
    }
}
