using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// Removes what <see cref="OwnedResourceFinder"/> found: the DNS records first (nobody is sent to an
/// address about to go away), then the tasks, their definitions, their stored secrets and the images. Already gone is fine;
/// resources of other platforms are left alone; every step runs even when one fails.
/// </summary>
internal sealed class OwnedResourceRemover(FargateContext context)
{
    /// <exception cref="CleanupFailedException">Some steps failed; every other step still ran.</exception>
    public async Task RemoveAsync(IReadOnlyList<OwnedResource> resources, CancellationToken cancellationToken)
    {
        var steps = new List<(string What, Func<CancellationToken, Task> Step)>();
        foreach (var record in resources.Where(resource => resource.Type == FargateResourceTypes.DnsRecord))
        {
            steps.Add(($"DNS record {record.Id}", token => new PlaygroundDnsRecord(context).DeleteAsync(record.Id, token)));
        }

        foreach (var task in resources.Where(resource => resource.Type == FargateResourceTypes.Task))
        {
            steps.Add(($"task {task.Id}", token => context.Clients.Ecs.StopTaskAsync(context.Cluster, task.Id, "Slipway: torn down", token)));
        }

        var remover = new TaskDefinitionRemover(context);
        steps.AddRange(resources
            .Where(resource => resource.Type == FargateResourceTypes.TaskDefinition)
            .Select(resource => resource.Id)
            .Distinct()
            .Select(remover.Step));

        var secrets = resources.Where(resource => resource.Type == FargateResourceTypes.Secret).Select(resource => resource.Id).Distinct().ToList();
        if (secrets.Count > 0)
        {
            steps.Add(new FargateSecrets(context).RemoveStep(secrets));
        }

        var images = resources
            .Where(resource => resource.Type == FargateResourceTypes.EcrImage)
            .Select(resource => resource.Id.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], parts => parts[1]);
        foreach (var repository in images)
        {
            var tags = repository.Distinct().ToList();
            steps.Add(($"images {repository.Key}:{string.Join(",", tags)}", token => DeleteImagesAsync(repository.Key, tags, token)));
        }

        // Teardown is the last resort: one step that fails must not keep the others from running.
        var leftovers = new List<Leftover>();
        foreach (var (what, step) in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await CleanupStep.RunAsync(what, step) is { } leftover)
            {
                leftovers.Add(leftover);
            }
        }

        if (leftovers.Count > 0)
        {
            throw new CleanupFailedException(leftovers);
        }
    }

    private async Task DeleteImagesAsync(string repository, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        try
        {
            var failures = await context.Clients.Ecr.DeleteTagsAsync(repository, tags, cancellationToken);
            if (failures.Count > 0)
            {
                throw new AwsException(
                    $"ECR did not delete {repository}:{failures[0].ImageId?.ImageTag} ({failures[0].FailureCode}: {failures[0].FailureReason}): delete it in the ECR console or run Teardown again.",
                    Ecr.EcrOperations.BatchDeleteImage.Action,
                    failures[0].FailureCode);
            }
        }
        catch (AwsException exception) when (exception.ErrorCode == "RepositoryNotFoundException")
        {
        }
    }
}
