namespace Slipway.Engine;

/// <summary>The exit codes of a build.</summary>
public static class ExitCodes
{
    /// <summary>Every target that ran succeeded.</summary>
    public const int Success = 0;

    /// <summary>A target failed.</summary>
    public const int TargetFailed = 1;

    /// <summary>
    /// Every target did its work, but a check failed (<see cref="TargetStatus.CheckFailed"/>: failing tests inside
    /// PullRequest): everything after it ran and was reported. Tells a CI job "red" apart from "broken" (1).
    /// </summary>
    public const int ChecksFailed = 3;

    /// <summary>The build could not start: unknown target, bad or missing parameter, or a cycle between targets.</summary>
    public const int UsageError = 2;

    /// <summary>The build was cancelled with Ctrl+C or SIGTERM.</summary>
    public const int Cancelled = 130;
}
