namespace Slipway.Docker.Engine;

/// <summary>A container port and the host address and port it is published on.</summary>
public sealed record PublishedPort(int ContainerPort, string Protocol, string HostAddress, int HostPort);
