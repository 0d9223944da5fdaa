namespace Slipway.Data;

/// <summary>
/// A failure the user can act on (server unreachable, user refused, dump missing, bucket missing):
/// the message is one sentence naming what to fix, and never holds a password.
/// </summary>
public sealed class DataException(string message, Exception? inner = null) : Exception(message, inner);
