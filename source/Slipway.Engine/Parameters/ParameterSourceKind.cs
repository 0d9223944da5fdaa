namespace Slipway.Engine.Parameters;

/// <summary>The sources of parameter values, from the highest precedence to the lowest.</summary>
internal enum ParameterSourceKind
{
    CommandLine,
    Environment,
    ProfileFile,
    ParametersFile,
    Default,
}
