namespace Slipway.Composition;

/// <summary>Where the pipeline's tasks run.</summary>
public enum PlatformChoice
{
    /// <summary>AWS when AWS settings (a cluster) are given, the local Docker engine otherwise.</summary>
    Auto,

    /// <summary>The local Docker engine.</summary>
    Local,

    /// <summary>ECS Fargate, ECR, CloudWatch Logs and Route53.</summary>
    Aws,
}

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
