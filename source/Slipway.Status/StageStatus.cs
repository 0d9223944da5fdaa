namespace Slipway.Status;

/// <summary>One stage of a run as people should see it.</summary>
/// <param name="Name">One of <see cref="StageNames"/> (other names work and get their own context).</param>
/// <param name="Summary">A short line such as "118 passed, 3 failed"; shown next to the state.</param>
/// <param name="TargetUrl">Where to read more about this stage, when there is such a page.</param>
public sealed record StageStatus(string Name, StageState State, string? Summary = null, Uri? TargetUrl = null);
