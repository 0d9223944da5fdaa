namespace Slipway.Platform;

/// <summary>A long-running service: the playground, Apache in the foreground.</summary>
/// <param name="Slug">The branch slug: names the container/task and the DNS label of the URL.</param>
/// <param name="ContainerPort">The port the service listens on inside the task.</param>
/// <param name="Secrets">Name → value, handed over the way <see cref="TaskSecrets"/> says: never as inspectable environment.</param>
/// <param name="Sidecars">Services started (and ready) before it, replaced and torn down with it.</param>
/// <param name="HostLabel">The first label of the service's host name when it is not <paramref name="Slug"/> (an unguessable host).</param>
/// <param name="Files">A folder of Slipway's host copied into the service before it starts (the app's public files).</param>
public sealed record ServiceSpec(
    string Slug,
    string Image,
    Ownership Owner,
    int ContainerPort = 80,
    IReadOnlyDictionary<string, string>? Environment = null,
    IReadOnlyDictionary<string, string>? Secrets = null,
    IReadOnlyList<SidecarSpec>? Sidecars = null,
    string? HostLabel = null,
    ServiceFiles? Files = null);

/// <summary>Files a service gets as its own copy, writable by it and gone with it.</summary>
/// <param name="HostFolder">The folder on Slipway's host whose content is copied.</param>
/// <param name="ContainerPath">The absolute path inside the service the content lands in.</param>
public sealed record ServiceFiles(string HostFolder, string ContainerPath);

/// <summary>Where a started service can be reached.</summary>
/// <param name="PublicUrl">The address people use, e.g. http://demo.localhost:49153 or https://demo.example.com.</param>
/// <param name="ProbeUrl">The address Slipway itself probes for readiness (a loopback address locally).</param>
/// <param name="ProbeHost">The Host header to send with the probe, when it differs from the probe URL's host.</param>
/// <param name="ResourceId">The container id or task ARN.</param>
public sealed record ServiceEndpoint(Uri PublicUrl, Uri ProbeUrl, string? ProbeHost, string ResourceId);
