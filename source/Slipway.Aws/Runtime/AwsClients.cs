using Slipway.Aws.Ec2;
using Slipway.Aws.Ecr;
using Slipway.Aws.Ecs;
using Slipway.Aws.Logs;
using Slipway.Aws.Route53;
using Slipway.Aws.Ssm;

namespace Slipway.Aws.Runtime;

/// <summary>The six service clients, sharing one connection pool, one credential source and one region.</summary>
internal sealed class AwsClients : IDisposable
{
    private readonly AwsRequestSender sender;

    public AwsClients(AwsClientOptions options, string region)
    {
        sender = new AwsRequestSender(options, region);
        var json = new JsonProtocol(sender);
        Ecs = new EcsClient(json);
        Ecr = new EcrClient(json);
        Logs = new CloudWatchLogsClient(json);
        Route53 = new Route53Client(sender);
        Ec2 = new Ec2Client(sender);
        Ssm = new SsmClient(json);
    }

    public string Region => sender.Region;

    public EcsClient Ecs { get; }

    public EcrClient Ecr { get; }

    public CloudWatchLogsClient Logs { get; }

    public Route53Client Route53 { get; }

    public Ec2Client Ec2 { get; }

    public SsmClient Ssm { get; }

    public void Dispose() => sender.Dispose();
}
