namespace Slipway.Aws.Ec2;

/// <summary>A task's network interface: its private address, and its public one once AWS has assigned it.</summary>
internal sealed record NetworkInterface(string Id, string? PrivateIpAddress, string? PublicIp);
