namespace Slipway.Docker.Engine;

/// <summary>A container as the engine describes it (GET /containers/{id}/json).</summary>
/// <param name="Name">Its name, without the engine's leading '/'.</param>
/// <param name="ImageId">The id of the image it runs.</param>
/// <param name="Tty">Whether it has a terminal (its log is then one raw stream).</param>
/// <param name="RestartPolicy">The engine's restart policy for it (<c>no</c>, <c>unless-stopped</c>, ...).</param>
public sealed record ContainerDetails(
    string Id,
    string Name,
    string ImageId,
    IReadOnlyDictionary<string, string> Labels,
    bool Tty,
    ContainerState State,
    IReadOnlyList<PublishedPort> Ports,
    string RestartPolicy = "no")
{
    /// <summary>The host port <paramref name="containerPort"/> is published on, or null when it is not published.</summary>
    public int? HostPort(int containerPort, string protocol = "tcp") =>
        Ports.FirstOrDefault(port => port.ContainerPort == containerPort && port.Protocol == protocol)?.HostPort;
}
