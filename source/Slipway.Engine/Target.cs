namespace Slipway.Engine;

/// <summary>
/// A target of the build, declared as a property of the build class:
/// <c>Target Compile => _ => _.DependsOn(Restore).Executes(() => ...);</c>
/// The property's name is the target's name.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
