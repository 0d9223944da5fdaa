using Slipway.Aws.Runtime;

namespace Slipway.Aws.Fargate;

/// <summary>What every part of the Fargate platform shares: the clients, the settings and where warnings go.</summary>
internal sealed record FargateContext(AwsClients Clients, AwsSettings Settings, Action<string> Warn)
{
    public string Cluster => Settings.Cluster;
}
