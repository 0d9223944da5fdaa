using Slipway.Engine;

namespace Slipway.Service.Hosting;

/// <summary>
/// The service's own messages (started, run finished, run interrupted), written to the build log in the flow
/// the service was started from: with <c>./build.sh Serve</c> that is the console, whichever thread writes.
/// Runs have flows of their own, so their lines go to their own logs only.
/// </summary>
public sealed class ServiceLog
{
    private readonly ExecutionContext? _origin = ExecutionContext.Capture();

    /// <summary>Writes progress: started, run finished.</summary>
    public void Information(string message) => Write(LogLevel.Information, message);

    /// <summary>Writes something an operator should look at: a run cut off, a job that failed.</summary>
    public void Warning(string message) => Write(LogLevel.Warning, message);

    /// <summary>Writes a failure of the service itself.</summary>
    public void Error(string message) => Write(LogLevel.Error, message);

    private void Write(LogLevel level, string message)
    {
        if (_origin is null)
        {
            Log.Write(level, message);
            return;
        }

        ExecutionContext.Run(_origin.CreateCopy(), _ => Log.Write(level, message), null);
    }
}
