using Slipway.Aws.Ecr;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// Publishes a locally built image to ECR: makes sure the repository exists, logs in with an ECR
/// authorization token and pushes through the engine's image store under a tag that says who owns it.
/// </summary>
internal sealed class EcrImagePublisher(FargateContext context, IImageStore imageStore)
{
    public async Task<string> PublishAsync(string localImage, Ownership owner, CancellationToken cancellationToken)
    {
        var ecr = context.Clients.Ecr;
        var repositoryTask = EnsureRepositoryAsync(ecr, cancellationToken);
        var credentialsTask = ecr.GetRegistryCredentialsAsync(cancellationToken);
        var repository = await repositoryTask;
        var credentials = await credentialsTask;

        var tag = ImageOwnershipTag.For(ImageOwnershipTag.LocalTag(localImage), owner.App, owner.Branch, context.Installation);
        var repositoryAddress = context.Settings.RegistryHost is { Length: > 0 } host
            ? $"{host.TrimEnd('/')}/{repository.RepositoryName}"
            : repository.RepositoryUri;
        var reference = $"{repositoryAddress}:{tag}";
        if (context.Settings.RegistryHost is { Length: > 0 } overrideHost)
        {
            credentials = credentials with { ServerAddress = overrideHost };
        }

        await imageStore.TagAsync(localImage, reference, cancellationToken);
        await imageStore.PushAsync(reference, credentials, cancellationToken);
        return reference;
    }

    private async Task<EcrRepository> EnsureRepositoryAsync(EcrClient ecr, CancellationToken cancellationToken)
    {
        var name = context.Settings.EcrRepository;
        var existing = await ecr.DescribeRepositoryAsync(name, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        try
        {
            return await ecr.CreateRepositoryAsync(name, cancellationToken);
        }
        catch (AwsException exception) when (exception.ErrorCode == "RepositoryAlreadyExistsException")
        {
            // Another run created it between our look and our create.
            return await ecr.DescribeRepositoryAsync(name, cancellationToken)
                ?? throw new AwsException($"The ECR repository {name} exists but cannot be described: check the EcrRepository setting.", EcrOperations.DescribeRepositories.Action);
        }
    }
}
