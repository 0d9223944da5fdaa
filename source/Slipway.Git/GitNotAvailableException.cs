using Slipway.Git.Processes;

namespace Slipway.Git;

/// <summary>The git command line is not installed or not on PATH.</summary>
public sealed class GitNotAvailableException(ProcessStartException innerException)
    : Exception("Cannot run git: install git and make sure it is on PATH.", innerException);
