namespace Slipway.Docker.Engine;

/// <summary>What a container is created with (POST /containers/create). The container is never removed automatically.</summary>
/// <param name="Image">The image reference or id to run.</param>
public sealed record ContainerCreateRequest(string Image)
{
    /// <summary>The container's name; the engine makes one up when null.</summary>
    public string? Name { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Replaces the image's CMD when given.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Replaces the image's ENTRYPOINT when given.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Container ports published on the host (on 127.0.0.1 unless a binding says otherwise).</summary>
    public IReadOnlyList<PortBinding> Ports { get; init; } = [];

    /// <summary>Host folders or files bound into the container.</summary>
    public IReadOnlyList<BindMount> Mounts { get; init; } = [];

    /// <summary>Named volumes mounted into the container.</summary>
    public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    /// <summary>user[:group] the command runs as.</summary>
    public string? User { get; init; }

    /// <summary>The engine's restart policy: <c>no</c> (tasks), or <c>unless-stopped</c> (a playground comes back when the engine restarts).</summary>
    public string RestartPolicy { get; init; } = "no";

    /// <summary>Gives the container a terminal: its log is then one raw stream, stdout and stderr mixed.</summary>
    public bool Tty { get; init; }

    /// <summary>What makes the container count as healthy; null for the image's own check, if any.</summary>
    public HealthCheck? HealthCheck { get; init; }
}
