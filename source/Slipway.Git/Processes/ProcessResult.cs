namespace Slipway.Git.Processes;

/// <summary>How a finished program ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True when the program exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
