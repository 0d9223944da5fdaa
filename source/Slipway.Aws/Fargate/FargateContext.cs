using Slipway.Aws.Runtime;

namespace Slipway.Aws.Fargate;

/// <summary>
/// What every part of the Fargate platform shares: the clients, the settings, where warnings go and this installation's
/// id (null only where nothing is created, Doctor's checks): what carries another installation's id is never touched.
/// </summary>
internal sealed record FargateContext(AwsClients Clients, AwsSettings Settings, Action<string> Warn, string? Installation = null)
{
    public string Cluster => Settings.Cluster;
}
