using System.Reflection;

namespace Slipway.Engine.Parameters;

/// <summary>A parameter the build or the engine accepts, with the way to read and set its value.</summary>
internal sealed class ParameterDescriptor
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>The declared type: string, bool, int, an enum, string[] or <see cref="AbsolutePath"/> (or a nullable of those).</summary>
    public required Type Type { get; init; }

    public required Func<object?> GetValue { get; init; }

    public required Action<object?> SetValue { get; init; }

    public bool IsSecret { get; init; }

    /// <summary>The engine's own options (<c>--skip</c>, <c>--verbosity</c>, ...) are read from the environment only with the SLIPWAY_ prefix.</summary>
    public bool IsBuiltIn { get; init; }

    /// <summary>False for options that only make sense on the command line or in the environment (<c>--help</c>, <c>--root</c>).</summary>
    public bool ReadFromFiles { get; init; } = true;

    /// <summary>The field or property behind a build parameter; null for the engine's options.</summary>
    public MemberInfo? Member { get; init; }

    /// <summary>Target names, for the schema's enum of <c>Target</c> and <c>Skip</c>.</summary>
    public bool HoldsTargetNames { get; init; }

    public string Key => ParameterNames.Normalize(Name);

    public string CommandLineName => "--" + ParameterNames.ToKebabCase(Name);

    public string PreferredEnvironmentName => ParameterNames.EnvironmentPrefix + ParameterNames.ToUpperSnakeCase(Name);

    public Type ValueType => Nullable.GetUnderlyingType(Type) ?? Type;

    public bool IsFlag => ValueType == typeof(bool);

    public bool IsArray => Type.IsArray;

    /// <summary>The environment variables read for this parameter, most specific first.</summary>
    public IEnumerable<string> EnvironmentNames()
    {
        yield return PreferredEnvironmentName;
        yield return ParameterNames.EnvironmentPrefix + Name;
        if (IsBuiltIn)
        {
            yield break;
        }

        yield return Name;
        yield return Name.ToUpperInvariant();
        yield return ParameterNames.ToUpperSnakeCase(Name);
    }

    /// <summary>The placeholder help shows for the value, e.g. <c>&lt;int&gt;</c>.</summary>
    public string ValueHint()
    {
        if (IsFlag)
        {
            return string.Empty;
        }

        if (ValueType.IsEnum)
        {
            return "<" + string.Join('|', Enum.GetNames(ValueType).Select(name => name.ToLowerInvariant())) + ">";
        }

        if (IsArray)
        {
            return HoldsTargetNames ? "<target...>" : "<value...>";
        }

        return ValueType == typeof(int) ? "<number>" : ValueType == typeof(AbsolutePath) ? "<path>" : "<value>";
    }
}
