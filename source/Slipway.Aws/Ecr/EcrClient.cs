using System.Text;
using Slipway.Aws.Runtime;
using Slipway.Platform;

namespace Slipway.Aws.Ecr;

/// <summary>The ECR calls Slipway makes: the repository, a registry login and the images it pushed.</summary>
internal sealed class EcrClient(JsonProtocol protocol)
{
    private const int DeleteBatch = 100;

    /// <summary>The repository, or null when it does not exist.</summary>
    public async Task<EcrRepository?> DescribeRepositoryAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await protocol.CallAsync<DescribeRepositoriesRequest, DescribeRepositoriesResponse>(
                EcrOperations.DescribeRepositories, new DescribeRepositoriesRequest([name]), cancellationToken);
            return response.Repositories?.FirstOrDefault();
        }
        catch (AwsException exception) when (exception.ErrorCode == "RepositoryNotFoundException")
        {
            return null;
        }
    }

    public async Task<EcrRepository> CreateRepositoryAsync(string name, CancellationToken cancellationToken)
    {
        var request = new CreateRepositoryRequest(name, "MUTABLE");
        var response = await protocol.CallAsync<CreateRepositoryRequest, CreateRepositoryResponse>(EcrOperations.CreateRepository, request, cancellationToken);
        return response.Repository;
    }

    /// <summary>A login for the account's registry: user AWS, the decoded password, and the registry's address.</summary>
    public async Task<RegistryCredentials> GetRegistryCredentialsAsync(CancellationToken cancellationToken)
    {
        var response = await protocol.CallAsync<GetAuthorizationTokenRequest, GetAuthorizationTokenResponse>(
            EcrOperations.GetAuthorizationToken, new GetAuthorizationTokenRequest(), cancellationToken);
        var data = response.AuthorizationData?.FirstOrDefault()
            ?? throw new AwsException("ECR returned no registry login: check that ECR is available in the Region.", EcrOperations.GetAuthorizationToken.Action);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(data.AuthorizationToken));
        var separator = decoded.IndexOf(':');
        if (separator < 0)
        {
            throw new AwsException("ECR returned a registry login Slipway cannot read: try again, or report it if it persists.", EcrOperations.GetAuthorizationToken.Action);
        }

        return new RegistryCredentials(decoded[..separator], decoded[(separator + 1)..], data.ProxyEndpoint);
    }

    /// <summary>Every tagged image of the repository, all pages.</summary>
    public async Task<IReadOnlyList<EcrImageDetail>> DescribeTaggedImagesAsync(string repository, CancellationToken cancellationToken)
    {
        var images = new List<EcrImageDetail>();
        string? token = null;
        do
        {
            var page = await protocol.CallAsync<DescribeImagesRequest, DescribeImagesResponse>(
                EcrOperations.DescribeImages, new DescribeImagesRequest(repository, new EcrImageFilter("TAGGED"), token), cancellationToken);
            images.AddRange(page.ImageDetails ?? []);
            token = page.NextToken;
        }
        while (token is not null);

        return images;
    }

    /// <summary>
    /// Removes image tags, a hundred per call; an image goes when its last tag goes. Returns the
    /// failures other than tags that were already gone.
    /// </summary>
    public async Task<IReadOnlyList<EcrImageFailure>> DeleteTagsAsync(string repository, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var failures = new List<EcrImageFailure>();
        foreach (var batch in tags.Chunk(DeleteBatch))
        {
            var request = new BatchDeleteImageRequest(repository, batch.Select(tag => new EcrImageId(ImageTag: tag)).ToList());
            var response = await protocol.CallAsync<BatchDeleteImageRequest, BatchDeleteImageResponse>(EcrOperations.BatchDeleteImage, request, cancellationToken);
            failures.AddRange((response.Failures ?? []).Where(failure => failure.FailureCode != "ImageNotFound"));
        }

        return failures;
    }
}
