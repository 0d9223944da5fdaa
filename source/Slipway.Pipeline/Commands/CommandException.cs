namespace Slipway.Pipeline.Commands;

/// <summary>A command cannot run as asked: the message is one sentence naming what to fix.</summary>
public sealed class CommandException(string message) : Exception(message);
