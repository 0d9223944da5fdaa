namespace Slipway.Engine;

/// <summary>
/// A problem that stops the build before any target runs and that the user fixes by changing the command
/// line, the environment, a parameters file or the build's definition; exit code <see cref="ExitCodes.UsageError"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
