using Slipway.Engine;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Platform;

namespace Slipway.Pipeline.Stages;

/// <summary>Serves the built branch at its own URL until it is torn down.</summary>
public sealed class PlaygroundStage(PipelineServices services)
{
    private const int LogLinesOnFailure = 20;

    public async Task<Uri> RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var image = run.PublishedAppImage ?? throw new InvalidOperationException("Build has not run.");
        var spec = new ServiceSpec(
            run.Slug,
            image,
            run.Owner,
            ContainerPort: 80,
            Environment: run.WithAppEnvironment(new Dictionary<string, string>
            {
                ["SLIPWAY_APP"] = run.AppName,
                ["SLIPWAY_BRANCH"] = run.Settings.Branch,
                ["SLIPWAY_BUILD_ID"] = run.RunId,
            }));
        var endpoint = await services.Platform.StartServiceAsync(spec, cancellationToken);
        bool ready;
        try
        {
            ready = await services.Probe.WaitUntilReadyAsync(
                endpoint.ProbeUrl, endpoint.ProbeHost, run.Settings.PlaygroundReadyTimeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A playground cancelled while starting is nobody's: take it down rather than leave it half-made.
            await RemoveServiceAsync(run, endpoint);
            throw;
        }

        if (!ready)
        {
            var tail = await services.Platform.ReadServiceLogTailAsync(endpoint, LogLinesOnFailure, CancellationToken.None);
            await RemoveServiceAsync(run, endpoint);
            var lines = tail.Count == 0 ? " It wrote nothing." : $" Its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, tail.Select(line => line.Text))}";
            throw new BuildFailedException(
                $"The playground for {run.Settings.Branch} did not answer HTTP 200 within {run.Settings.PlaygroundReadyTimeout.TotalSeconds:0} s at {endpoint.PublicUrl}.{lines}");
        }

        await services.Store.SavePlaygroundAsync(
            new PlaygroundRecord(
                run.AppName,
                run.Settings.Branch,
                run.Slug,
                endpoint.PublicUrl.ToString(),
                endpoint.ResourceId,
                image,
                run.RunId,
                services.Platform.Name,
                services.Clock.GetUtcNow()),
            cancellationToken);
        Log.Information($"Playground for {run.Settings.Branch} is ready at {endpoint.PublicUrl}");
        return endpoint.PublicUrl;
    }

    private async Task RemoveServiceAsync(RunContext run, ServiceEndpoint endpoint)
    {
        var owned = await services.Platform.ListOwnedAsync(run.AppName, run.Settings.Branch, CancellationToken.None);
        var service = owned.Where(resource => resource.Id == endpoint.ResourceId).ToList();
        await services.Platform.RemoveAsync(service, CancellationToken.None);
    }
}
