namespace Slipway.Engine.Execution;

/// <summary>Hears when targets start and finish, to show progress.</summary>
internal interface IExecutionObserver
{
    void Started(TargetRun run);

    /// <summary>Called for every target of the plan, including those that were skipped or did not run.</summary>
    void Finished(TargetRun run);
}
