namespace Slipway.Engine;

/// <summary>
/// Marks a field or property of the build as a parameter, set from the command line (<c>--max-parallel 3</c>),
/// the environment (<c>SLIPWAY_MAX_PARALLEL</c>), <c>.nuke/parameters.&lt;profile&gt;.json</c>,
/// <c>.nuke/parameters.json</c>, or else left at its initial value.
/// Supported types: string, bool, int, enums, string[] and <see cref="AbsolutePath"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description = "") : Attribute
{
    /// <summary>The description shown by <c>--help</c> and in the parameters schema.</summary>
    public string Description { get; } = description;

    /// <summary>The parameter's name when it differs from the member's name.</summary>
    public string? Name { get; init; }
}
