using Slipway.Aws.Ecs;

namespace Slipway.Aws.Fargate;

/// <summary>
/// Removes the playgrounds a new one replaces: stops their tasks, removes their task definitions and
/// their images (unless the new playground runs the same image). Their DNS record is not touched: the
/// new playground's UPSERT takes it over.
/// </summary>
internal sealed class PlaygroundRetirer(FargateContext context)
{
    public async Task RetireAsync(string app, IReadOnlyList<EcsTask> replaced, string newTaskDefinitionArn, string newImage, CancellationToken cancellationToken)
    {
        if (replaced.Count == 0)
        {
            return;
        }

        try
        {
            var ecs = context.Clients.Ecs;
            foreach (var task in replaced)
            {
                await ecs.StopTaskAsync(context.Cluster, task.TaskArn, "Slipway: replaced by a newer playground", cancellationToken);
            }

            var definitions = replaced
                .Select(task => task.TaskDefinitionArn)
                .OfType<string>()
                .Where(arn => arn != newTaskDefinitionArn)
                .Distinct()
                .ToList();
            await new TaskDefinitionRemover(context).RemoveAsync(definitions, cancellationToken);

            var images = replaced
                .SelectMany(task => task.Containers ?? [])
                .Select(container => container.Image)
                .OfType<string>()
                .Where(image => image != newImage)
                .Select(image => EcrImageReference.TagIn(image, context.Settings.EcrRepository))
                .OfType<string>()
                .Where(tag => ImageOwnershipTag.Matches(tag, app, branch: null, context.Installation))
                .Distinct()
                .ToList();
            if (images.Count > 0)
            {
                await context.Clients.Ecr.DeleteTagsAsync(context.Settings.EcrRepository, images, cancellationToken);
            }
        }
        catch (AwsException exception)
        {
            // The new playground is what the user waits for; a leftover of the old one is Teardown's to find.
            context.Warn($"Could not fully remove the replaced playground ({exception.Message}); Teardown will remove what is left.");
        }
    }
}
