using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// Finds everything Slipway holds on AWS for an app (and branch) by its tags, so that a playground
/// started from another machine is found as well: running tasks, task definitions, the playgrounds'
/// DNS records (named by the slug tag of a playground task or definition, so the record of a
/// playground whose task has died is found too), the ECR images (by their ownership tag) and the task secrets
/// stored in SSM Parameter Store (under the app's path, by their tags).
/// </summary>
internal sealed class OwnedResourceFinder(FargateContext context, HostedZoneLocator hostedZone)
{
    public async Task<IReadOnlyList<OwnedResource>> FindAsync(string app, string? branch, CancellationToken cancellationToken)
    {
        var tasksTask = new OwnedTaskFinder(context).FindAsync(app, branch, cancellationToken);
        var definitionsTask = FindTaskDefinitionsAsync(app, branch, cancellationToken);
        var imagesTask = FindImagesAsync(app, branch, cancellationToken);
        var secretsTask = FindSecretsAsync(app, branch, cancellationToken);
        var tasks = (await tasksTask).Select(task => new OwnedResource(FargateResourceTypes.Task, task.TaskArn, SlipwayTags.Labels(task.TagMap))).ToList();
        var definitions = await definitionsTask;
        var records = await FindRecordsAsync(tasks.Concat(definitions), cancellationToken);

        return [.. records, .. tasks, .. definitions, .. await imagesTask, .. await secretsTask];
    }

    private async Task<IReadOnlyList<OwnedResource>> FindTaskDefinitionsAsync(string app, string? branch, CancellationToken cancellationToken)
    {
        var ecs = context.Clients.Ecs;
        var prefix = FargateNames.FamilyPrefix(app);

        // The family prefix only narrows the candidates; the tags decide what is Slipway's.
        var candidates = (await ecs.ListTaskDefinitionsAsync("ACTIVE", cancellationToken))
            .Where(arn => FamilyOf(arn).StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        var owned = new List<OwnedResource>();
        foreach (var arn in candidates)
        {
            var tags = await ecs.ListTagsForResourceAsync(arn, cancellationToken);
            if (SlipwayTags.Owns(tags, app, branch, context.Installation))
            {
                owned.Add(new OwnedResource(FargateResourceTypes.TaskDefinition, arn, SlipwayTags.Labels(tags)));
            }
        }

        return owned;
    }

    private async Task<IReadOnlyList<OwnedResource>> FindSecretsAsync(string app, string? branch, CancellationToken cancellationToken) =>
        (await new FargateSecrets(context).FindOwnedAsync(FargateNames.SecretsPath(app), app, branch, cancellationToken))
            .Select(secret => new OwnedResource(FargateResourceTypes.Secret, secret.Name, SlipwayTags.Labels(secret.Tags)))
            .ToList();

    private async Task<IReadOnlyList<OwnedResource>> FindRecordsAsync(IEnumerable<OwnedResource> playgroundSources, CancellationToken cancellationToken)
    {
        var playgrounds = playgroundSources
            .Where(resource => SlipwayTags.IsPlayground(resource.Labels) && resource.Label(SlipwayTags.SlugTag) is not null)
            .GroupBy(resource => resource.Label(SlipwayTags.HostTag) ?? resource.Label(SlipwayTags.SlugTag)!)
            .ToList();
        if (playgrounds.Count == 0 || context.Settings.Domain is not { Length: > 0 } domain)
        {
            return [];
        }

        var zoneId = await hostedZone.GetIdAsync(cancellationToken);
        var records = new List<OwnedResource>();
        foreach (var playground in playgrounds)
        {
            records.AddRange(await new PlaygroundDnsRecord(context).FindAsync(
                zoneId, PlaygroundDnsRecord.Host(playground.Key, domain), playground.First().Labels, cancellationToken));
        }

        return records;
    }

    private async Task<IReadOnlyList<OwnedResource>> FindImagesAsync(string app, string? branch, CancellationToken cancellationToken)
    {
        var repository = context.Settings.EcrRepository;
        IReadOnlyList<Ecr.EcrImageDetail> images;
        try
        {
            images = await context.Clients.Ecr.DescribeTaggedImagesAsync(repository, cancellationToken);
        }
        catch (AwsException exception) when (exception.ErrorCode == "RepositoryNotFoundException")
        {
            return [];
        }

        var labels = new Dictionary<string, string> { [Ownership.AppLabel] = app, [Ownership.KindLabel] = "image" };
        if (branch is not null)
        {
            labels[Ownership.BranchLabel] = branch;
        }

        if (context.Installation is { } installation)
        {
            labels[Ownership.InstallationLabel] = installation;
        }

        return images
            .SelectMany(image => image.ImageTags ?? [])
            .Where(tag => ImageOwnershipTag.Matches(tag, app, branch, context.Installation))
            .Select(tag => new OwnedResource(FargateResourceTypes.EcrImage, $"{repository}:{tag}", labels))
            .ToList();
    }

    private static string FamilyOf(string taskDefinitionArn)
    {
        var name = taskDefinitionArn[(taskDefinitionArn.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        return colon >= 0 ? name[..colon] : name;
    }
}
