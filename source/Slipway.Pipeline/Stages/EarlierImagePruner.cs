using Slipway.Pipeline.Running;
using Slipway.Platform;

namespace Slipway.Pipeline.Stages;

/// <summary>Removes the images a branch's earlier builds left, once a run has replaced the branch's playground.</summary>
public sealed class EarlierImagePruner(PipelineServices services)
{
    /// <summary>
    /// Images of this branch from earlier builds are dead weight once the new playground answers: on the
    /// engine that built them, every image of the branch but this run's own goes. Where the platform keeps
    /// images elsewhere (ECR), only images that name another run go: ECR keeps no labels, and there the
    /// platform retires the replaced playground's image itself.
    /// </summary>
    public async Task PruneAsync(RunContext run, BuiltApp built, CancellationToken cancellationToken)
    {
        var current = built.ImageIds;
        var onBuildPlatform = await services.BuildPlatform.ListOwnedAsync(run.AppName, run.Identity.Key, cancellationToken);
        var stale = onBuildPlatform
            .Where(resource => resource.Label(Ownership.KindLabel) == "image" && !current.Contains(resource.Id))
            .ToList();
        if (services.Platform != services.BuildPlatform)
        {
            var published = await services.Platform.ListOwnedAsync(run.AppName, run.Identity.Key, cancellationToken);
            await RemoveAsync(services.Platform, published
                .Where(resource => resource.Label(Ownership.KindLabel) == "image" && resource.Label(Ownership.RunLabel) is { } imageRun && imageRun != run.RunId)
                .ToList(), cancellationToken);
        }

        await RemoveAsync(services.BuildPlatform, stale, cancellationToken);
    }

    private static async Task RemoveAsync(IPlatform platform, IReadOnlyList<OwnedResource> resources, CancellationToken cancellationToken)
    {
        if (resources.Count > 0)
        {
            await platform.RemoveAsync(resources, cancellationToken);
        }
    }
}
