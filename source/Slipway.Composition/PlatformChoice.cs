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
