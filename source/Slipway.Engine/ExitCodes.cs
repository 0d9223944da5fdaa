namespace Slipway.Engine;

/// <summary>The exit codes of a build.</summary>
public static class ExitCodes
{
    /// <summary>Every target that ran succeeded.</summary>
    public const int Success = 0;

    /// <summary>A target failed.</summary>
    public const int TargetFailed = 1;

    /// <summary>The build could not start: unknown target, bad or missing parameter, or a cycle between targets.</summary>
    public const int UsageError = 2;

    /// <summary>The build was cancelled with Ctrl+C or SIGTERM.</summary>
    public const int Cancelled = 130;
}
