using Slipway.Aws.Ecr;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// Publishes a locally built image to ECR: makes sure the repository exists, logs in with an ECR
/// authorization token and pushes through the engine's image store under a tag that says who owns it.
/// The engine keeps the image under its local name only: the ECR-named reference serves the push and goes
/// after it, so that a CI machine does not collect one more name per image for the branch's Teardown to find.
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
        try
        {
            await imageStore.PushAsync(reference, credentials, cancellationToken);
        }
        finally
        {
            await ForgetLocalReferenceAsync(reference);
        }

        return reference;
    }

    // Only the name goes; the image stays under its local name, which later stages build on and Teardown removes.
    private async Task ForgetLocalReferenceAsync(string reference)
    {
        try
        {
            await imageStore.RemoveAsync(reference, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.Warn($"Could not remove the local name {reference} after its push ({exception.Message}); the branch's Teardown removes it with its image.");
        }
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
