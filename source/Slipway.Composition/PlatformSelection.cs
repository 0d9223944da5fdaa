namespace Slipway.Composition;

/// <summary>Decides which platform a <see cref="PlatformChoice"/> means, the same way for the build and the composition.</summary>
public static class PlatformSelection
{
    /// <summary>
    /// <see cref="PlatformChoice.Local"/> or <see cref="PlatformChoice.Aws"/>: the requested one, or for
    /// <see cref="PlatformChoice.Auto"/> AWS exactly when an ECS cluster is configured.
    /// </summary>
    public static PlatformChoice Resolve(PlatformChoice requested, string? awsCluster) => requested switch
    {
        PlatformChoice.Auto => string.IsNullOrWhiteSpace(awsCluster) ? PlatformChoice.Local : PlatformChoice.Aws,
        _ => requested,
    };
}
