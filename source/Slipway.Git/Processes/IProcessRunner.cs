namespace Slipway.Git.Processes;

/// <summary>Runs a program to completion and captures its output; the seam between Slipway and the <c>git</c> CLI.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs the program and waits for it to end. A program that cannot be started (not installed, not on PATH) throws
    /// <see cref="ProcessStartException"/>; a non-zero exit code is returned, not thrown.
    /// Cancelling kills the program and everything it started.
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken);
}
