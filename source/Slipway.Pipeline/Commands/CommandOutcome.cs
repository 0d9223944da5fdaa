namespace Slipway.Pipeline.Commands;

/// <summary>How a command's task ended.</summary>
/// <param name="RunId">The run the command was recorded under.</param>
/// <param name="ExitCode">The command's exit code; null when the task ended without one.</param>
/// <param name="StoppedReason">Why the platform ended the task before the command did (out of memory, timed out), when it says.</param>
public sealed record CommandOutcome(string RunId, int? ExitCode, string? StoppedReason)
{
    public bool Succeeded => ExitCode == 0 && StoppedReason is null;

    /// <summary>The task died rather than the command ending on its own.</summary>
    public bool Died => ExitCode is null || StoppedReason is not null;

    /// <summary>One line for summaries: <c>exit code 0</c>, <c>stopped: timed out after 1800 s</c>.</summary>
    public override string ToString() => Died ? $"stopped: {StoppedReason ?? "the task ended without an exit code"}" : $"exit code {ExitCode}";
}
