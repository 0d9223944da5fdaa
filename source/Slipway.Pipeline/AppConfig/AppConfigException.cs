namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// A mistake in an app's <c>.slipway.yml</c>: the message is one sentence naming the file, the line, the key
/// and what to write instead.
/// </summary>
public sealed class AppConfigException(string message) : Exception(message);
