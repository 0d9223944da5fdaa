using Slipway.Aws.Ecs;

namespace Slipway.Aws.Fargate;

/// <summary>Finds the running tasks of the cluster whose tags say they belong to an app (and branch) and this installation.</summary>
internal sealed class OwnedTaskFinder(FargateContext context)
{
    private const string Running = "RUNNING";

    public async Task<IReadOnlyList<EcsTask>> FindAsync(string app, string? branch, CancellationToken cancellationToken)
    {
        var ecs = context.Clients.Ecs;
        var arns = await ecs.ListTasksAsync(context.Cluster, Running, cancellationToken);
        if (arns.Count == 0)
        {
            return [];
        }

        var tasks = await ecs.DescribeTasksAsync(context.Cluster, arns, includeTags: true, cancellationToken);
        return tasks.Where(task => SlipwayTags.Owns(task.TagMap, app, branch, context.Installation)).ToList();
    }

    /// <summary>The running playgrounds of the app with this slug, whichever branch or machine of this installation started them.</summary>
    public async Task<IReadOnlyList<EcsTask>> FindPlaygroundsAsync(string app, string slug, CancellationToken cancellationToken) =>
        (await FindAsync(app, branch: null, cancellationToken))
            .Where(task => SlipwayTags.IsPlayground(task.TagMap) && task.TagMap.GetValueOrDefault(SlipwayTags.SlugTag) == slug)
            .ToList();
}
