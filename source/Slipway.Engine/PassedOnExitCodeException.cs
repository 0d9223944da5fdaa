namespace Slipway.Engine;

/// <summary>
/// Thrown by a target that ran someone else's command (<c>Run -- drush updb</c>) and failed because that command
/// did: the build ends with the command's own exit code instead of <see cref="ExitCodes.TargetFailed"/>, so a
/// script around the build sees what the command said. The message is shown like a <see cref="BuildFailedException"/>'s.
/// </summary>
public sealed class PassedOnExitCodeException(int exitCode, string message) : Exception(message)
{
    /// <summary>The command's exit code (never 0).</summary>
    public int ExitCode { get; } = exitCode;
}
