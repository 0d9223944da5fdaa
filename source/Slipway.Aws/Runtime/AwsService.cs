namespace Slipway.Aws.Runtime;

/// <summary>What the runtime needs to know to talk to one AWS service.</summary>
/// <param name="Name">The name people know it by, for messages.</param>
/// <param name="SigningName">The SigV4 service name, which is also the prefix of its IAM actions.</param>
/// <param name="EndpointPrefix">The host prefix of its regional endpoint.</param>
/// <param name="EndpointKey">The suffix of its endpoint override variable, AWS_ENDPOINT_URL_&lt;key&gt;.</param>
/// <param name="JsonTargetPrefix">The X-Amz-Target prefix of a JSON 1.1 service; null for XML services.</param>
/// <param name="GlobalSigningRegion">The region a global service is signed for, whatever region Slipway runs in.</param>
internal sealed record AwsService(
    string Name,
    string SigningName,
    string EndpointPrefix,
    string EndpointKey,
    string? JsonTargetPrefix = null,
    string? GlobalSigningRegion = null)
{
    public static readonly AwsService Ecs = new("ECS", "ecs", "ecs", "ECS", "AmazonEC2ContainerServiceV20141113");

    public static readonly AwsService Ecr = new("ECR", "ecr", "api.ecr", "ECR", "AmazonEC2ContainerRegistry_V20150921");

    public static readonly AwsService Logs = new("CloudWatch Logs", "logs", "logs", "CLOUDWATCH_LOGS", "Logs_20140328");

    public static readonly AwsService Route53 = new("Route 53", "route53", "route53", "ROUTE_53", GlobalSigningRegion: "us-east-1");

    public static readonly AwsService Ec2 = new("EC2", "ec2", "ec2", "EC2");

    public static readonly AwsService Ssm = new("SSM Parameter Store", "ssm", "ssm", "SSM", "AmazonSSM");

    public string SigningRegion(string region) => GlobalSigningRegion ?? region;
}
