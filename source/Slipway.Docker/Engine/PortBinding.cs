namespace Slipway.Docker.Engine;

/// <summary>A container port published on the host.</summary>
/// <param name="HostPort">The host port; 0 lets the engine pick a free one (read it back with <see cref="ContainerDetails.HostPort"/>).</param>
/// <param name="HostAddress">The host address to listen on: loopback unless there is a reason to expose it.</param>
public sealed record PortBinding(int ContainerPort, int HostPort = 0, string Protocol = "tcp", string HostAddress = "127.0.0.1");
