using Slipway.Docker.Build;

namespace Slipway.Docker.Engine;

/// <summary>An image build for the engine's classic builder (POST /build).</summary>
/// <param name="Context">What the build sees, streamed as a tar.</param>
public sealed record DockerBuildRequest(BuildContext Context)
{
    /// <summary>The Dockerfile's path inside the context.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    /// <summary>References to tag the built image with (repository:tag).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Values for the Dockerfile's ARG instructions.</summary>
    public IReadOnlyDictionary<string, string> BuildArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels added to the built image.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The stage of a multi-stage Dockerfile to build; the last one when null.</summary>
    public string? Target { get; init; }

    /// <summary>Ignore the build cache.</summary>
    public bool NoCache { get; init; }

    /// <summary>Pull newer versions of the FROM images first.</summary>
    public bool Pull { get; init; }
}
