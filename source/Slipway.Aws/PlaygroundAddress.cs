namespace Slipway.Aws;

/// <summary>Which address of the playground task its DNS record points at.</summary>
public enum PlaygroundAddress
{
    /// <summary>The task's public IP (needs AssignPublicIp and a subnet routed to an internet gateway).</summary>
    Public,

    /// <summary>The task's private IP, for playgrounds reached through a VPN or from inside the VPC.</summary>
    Private,
}
