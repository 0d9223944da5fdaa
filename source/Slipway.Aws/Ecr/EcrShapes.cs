namespace Slipway.Aws.Ecr;

// Request and response shapes of the ECR operations Slipway calls (JSON 1.1, camelCase).

internal sealed record GetAuthorizationTokenRequest;

/// <summary>A registry login; the token is a secret and stays out of ToString.</summary>
internal sealed record EcrAuthorizationData(string AuthorizationToken, string ProxyEndpoint, double? ExpiresAt)
{
    public override string ToString() => $"EcrAuthorizationData {{ ProxyEndpoint = {ProxyEndpoint} }}";
}

internal sealed record GetAuthorizationTokenResponse(IReadOnlyList<EcrAuthorizationData>? AuthorizationData);

internal sealed record DescribeRepositoriesRequest(IReadOnlyList<string> RepositoryNames);

internal sealed record EcrRepository(string RepositoryName, string RepositoryUri, string? RepositoryArn, string? RegistryId);

internal sealed record DescribeRepositoriesResponse(IReadOnlyList<EcrRepository>? Repositories);

internal sealed record CreateRepositoryRequest(string RepositoryName, string ImageTagMutability);

internal sealed record CreateRepositoryResponse(EcrRepository Repository);

internal sealed record EcrImageFilter(string TagStatus);

internal sealed record DescribeImagesRequest(string RepositoryName, EcrImageFilter? Filter, string? NextToken, int MaxResults = 1000);

internal sealed record EcrImageDetail(string ImageDigest, IReadOnlyList<string>? ImageTags);

internal sealed record DescribeImagesResponse(IReadOnlyList<EcrImageDetail>? ImageDetails, string? NextToken);

internal sealed record EcrImageId(string? ImageTag = null, string? ImageDigest = null);

internal sealed record BatchDeleteImageRequest(string RepositoryName, IReadOnlyList<EcrImageId> ImageIds);

internal sealed record EcrImageFailure(EcrImageId? ImageId, string? FailureCode, string? FailureReason);

internal sealed record BatchDeleteImageResponse(IReadOnlyList<EcrImageId>? ImageIds, IReadOnlyList<EcrImageFailure>? Failures);
