namespace Slipway.Engine.Execution;

/// <summary>Where a target is in the build, for the live status view.</summary>
internal enum TargetRunState
{
    Waiting,
    Running,
    Finished,
}
