namespace Slipway.Engine;

/// <summary>
/// Thrown by a target for a failure the user can act on: the log and the summary show the message only
/// (the stack trace only with <c>--verbosity verbose</c>). Keep it to one sentence naming what to fix.
/// </summary>
public sealed class BuildFailedException(string message) : Exception(message);
