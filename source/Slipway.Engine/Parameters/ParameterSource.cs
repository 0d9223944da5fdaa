namespace Slipway.Engine.Parameters;

/// <summary>Where a parameter's value came from, shown by <c>--help</c> and in error messages.</summary>
internal sealed record ParameterSource(ParameterSourceKind Kind, string? Detail = null)
{
    public static ParameterSource CommandLine { get; } = new(ParameterSourceKind.CommandLine);

    public static ParameterSource Default { get; } = new(ParameterSourceKind.Default);

    public override string ToString() => Kind switch
    {
        ParameterSourceKind.CommandLine => "the command line",
        ParameterSourceKind.Environment => $"environment variable {Detail}",
        ParameterSourceKind.ProfileFile or ParameterSourceKind.ParametersFile => Detail ?? "a parameters file",
        _ => "the default",
    };

    /// <summary>The source in a few words, for help: <c>default</c>, <c>command line</c>, <c>SLIPWAY_BRANCH</c>, <c>parameters.json</c>.</summary>
    public string ShortText => Kind switch
    {
        ParameterSourceKind.CommandLine => "command line",
        ParameterSourceKind.Environment => Detail ?? "environment",
        ParameterSourceKind.ProfileFile or ParameterSourceKind.ParametersFile => Detail ?? "parameters file",
        _ => "default",
    };
}
