using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ecr;

/// <summary>The ECR operations Slipway calls.</summary>
internal static class EcrOperations
{
    // The token is handed to the engine, which pushes with it: these are the calls the push makes.
    public static readonly AwsOperation GetAuthorizationToken = new(
        AwsService.Ecr,
        "GetAuthorizationToken",
        ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"]);

    public static readonly AwsOperation DescribeRepositories = new(AwsService.Ecr, "DescribeRepositories");
    public static readonly AwsOperation CreateRepository = new(AwsService.Ecr, "CreateRepository");

    public static readonly AwsOperation DescribeImages = new(AwsService.Ecr, "DescribeImages");
    public static readonly AwsOperation BatchDeleteImage = new(AwsService.Ecr, "BatchDeleteImage");
}
