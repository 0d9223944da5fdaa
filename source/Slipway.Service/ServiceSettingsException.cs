namespace Slipway.Service;

/// <summary>A setting of the service that cannot work; the message is one sentence naming what to fix.</summary>
public sealed class ServiceSettingsException(string message) : Exception(message);
