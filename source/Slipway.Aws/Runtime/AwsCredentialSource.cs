using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Slipway.Aws.Runtime;

/// <summary>
/// Finds the credentials to sign with, once: the explicit ones, else the named profile, else the SDK's
/// default chain (environment, web identity, profiles including SSO, container and instance roles).
/// </summary>
internal sealed class AwsCredentialSource(AwsClientOptions options, Func<CancellationToken, Task<AWSCredentials>>? defaultChain = null)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private AWSCredentials? resolved;

    public async Task<AWSCredentials> GetAsync(CancellationToken cancellationToken)
    {
        if (resolved is not null)
        {
            return resolved;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return resolved ??= await ResolveAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<AWSCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        if (options.Credentials is not null)
        {
            return options.Credentials;
        }

        if (options.Profile is { Length: > 0 } profile)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile)
                ? fromProfile
                : throw new AwsException(
                    $"The AWS profile '{profile}' was not found in ~/.aws/config or ~/.aws/credentials: create it (aws configure) or name an existing profile.");
        }

        try
        {
            return await (defaultChain ?? ResolveDefaultChainAsync)(cancellationToken);
        }
        catch (AmazonClientException exception)
        {
            throw new AwsException(AwsErrorMessages.NoCredentials, innerException: exception);
        }
    }

    private static async Task<AWSCredentials> ResolveDefaultChainAsync(CancellationToken cancellationToken)
    {
        using var resolver = new DefaultAWSCredentialsIdentityResolver();
        return await resolver.ResolveIdentityAsync(null, cancellationToken);
    }
}
