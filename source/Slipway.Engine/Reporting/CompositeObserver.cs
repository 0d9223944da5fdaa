using Slipway.Engine.Execution;

namespace Slipway.Engine.Reporting;

/// <summary>Passes progress on to several observers.</summary>
internal sealed class CompositeObserver(params IExecutionObserver[] observers) : IExecutionObserver
{
    public void Started(TargetRun run)
    {
        foreach (var observer in observers)
        {
            observer.Started(run);
        }
    }

    public void Finished(TargetRun run)
    {
        foreach (var observer in observers)
        {
            observer.Finished(run);
        }
    }
}
