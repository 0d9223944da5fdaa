using Slipway.Engine.Parameters;

namespace Slipway.Engine.Hosting;

/// <summary>A build instance with its parameters and the engine's options set, and where each value came from.</summary>
internal sealed record BuildConfiguration(
    SlipwayBuild Build,
    CommandLineArguments CommandLine,
    EngineOptions Options,
    AbsolutePath Root,
    IReadOnlyList<ParameterDescriptor> Parameters,
    IReadOnlyDictionary<ParameterDescriptor, ParameterSource> Sources)
{
    public IReadOnlyList<ParameterDescriptor> BuildParameters => Parameters.Where(parameter => !parameter.IsBuiltIn).ToList();
}
