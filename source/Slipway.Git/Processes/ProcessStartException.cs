namespace Slipway.Git.Processes;

/// <summary>A program could not be started at all (not installed, not on PATH).</summary>
public sealed class ProcessStartException(string message, Exception innerException)
    : Exception(message, innerException);
