namespace Slipway.Pipeline.Commands;

/// <summary>Why a command runs: asked for once, or the app's cron.</summary>
public enum CommandPurpose
{
    /// <summary><c>Run</c>: a command someone asked for (the command line, the page).</summary>
    OneOff,

    /// <summary><c>Cron</c>: the app's cron command.</summary>
    Cron,
}

/// <summary>
/// One command to run against a branch's environment, as the command line, the page or a schedule asks for it:
/// a typed request, never a command line to re-read.
/// </summary>
/// <param name="Settings">The app and branch (and fork) whose environment the command runs in.</param>
/// <param name="Command">The words to exec in the branch's image.</param>
public sealed record CommandRequest(PipelineSettings Settings, CommandWords Command, CommandPurpose Purpose = CommandPurpose.OneOff)
{
    /// <summary>The name the run is recorded under: the target's, <c>Run</c> or <c>Cron</c>.</summary>
    public string Pipeline => Purpose == CommandPurpose.Cron ? "Cron" : "Run";
}
