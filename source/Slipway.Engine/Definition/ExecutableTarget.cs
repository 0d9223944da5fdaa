namespace Slipway.Engine.Definition;

/// <summary>
/// A target with its relations resolved to other targets and normalized: <c>DependentFor</c>, <c>Before</c> and
/// <c>TriggeredBy</c> are stored on the other side as <see cref="DependsOn"/>, <see cref="After"/> and <see cref="Triggers"/>.
/// </summary>
internal sealed class ExecutableTarget(string name)
{
    public string Name { get; } = name;

    public string? Description { get; set; }

    /// <summary>False for <c>Unlisted()</c> targets, which help does not show.</summary>
    public bool IsListed { get; set; } = true;

    /// <summary>True for <c>WritesStandardOutput()</c> targets: the engine's lines then go to standard error.</summary>
    public bool OwnsStandardOutput { get; set; }

    /// <summary>Targets that must succeed first and are pulled into the build with this one.</summary>
    public List<ExecutableTarget> DependsOn { get; } = [];

    /// <summary>Targets this one runs after when they are in the build, without pulling them in.</summary>
    public List<ExecutableTarget> After { get; } = [];

    /// <summary>Targets pulled into the build to run after this one.</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    public List<Func<bool>> StaticConditions { get; } = [];

    public List<Func<bool>> DynamicConditions { get; } = [];

    public List<TargetRequirement> Requirements { get; } = [];

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public bool ProceedAfterFailure { get; set; }

    public bool AssuredAfterFailure { get; set; }

    public override string ToString() => Name;
}
