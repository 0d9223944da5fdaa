using Slipway.Engine.Definition;
using Slipway.Engine.Parameters;

namespace Slipway.Engine.Reporting;

/// <summary>Writes <c>--help</c>: the listed targets with their direct dependencies, then the parameters and their current values.</summary>
internal static class HelpWriter
{
    public static void Write(
        TextWriter output,
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyCollection<string> defaultTargets,
        IReadOnlyList<ParameterDescriptor> parameters,
        IReadOnlyDictionary<ParameterDescriptor, ParameterSource> sources)
    {
        output.WriteLine("Usage: ./build.sh [targets] [--parameter value...]");
        output.WriteLine();
        output.WriteLine("Targets (with their direct dependencies):");
        var listed = targets.Where(target => target.IsListed).OrderBy(target => target.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var heads = listed.ToDictionary(target => target, target => Head(target, defaultTargets));
        var width = heads.Values.Select(head => head.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var target in listed)
        {
            output.WriteLine($"  {heads[target].PadRight(width)}{target.Description}".TrimEnd());
        }

        WriteParameters(output, "Parameters:", parameters.Where(parameter => !parameter.IsBuiltIn).ToList(), sources);
        WriteParameters(output, "Options:", parameters.Where(parameter => parameter.IsBuiltIn).ToList(), sources);
        output.WriteLine();
        output.WriteLine("Parameters are read from the command line, then the environment (NAME or SLIPWAY_NAME), then");
        output.WriteLine(".nuke/parameters.<profile>.json, then .nuke/parameters.json.");
        if (parameters.Any(parameter => parameter.IsSecret))
        {
            output.WriteLine("Secrets are read from the environment too, or from the file SLIPWAY_NAME_FILE names: on the command");
            output.WriteLine("line every user of the machine can see them with ps.");
        }

        output.Flush();
    }

    private static string Head(ExecutableTarget target, IReadOnlyCollection<string> defaultTargets)
    {
        var head = defaultTargets.Contains(target.Name, StringComparer.OrdinalIgnoreCase) ? $"{target.Name} (default)" : target.Name;
        return target.DependsOn.Count == 0 ? head : $"{head} -> {string.Join(", ", target.DependsOn.Select(dependency => dependency.Name))}";
    }

    private static void WriteParameters(
        TextWriter output,
        string title,
        IReadOnlyList<ParameterDescriptor> parameters,
        IReadOnlyDictionary<ParameterDescriptor, ParameterSource> sources)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(title);
        var heads = parameters.ToDictionary(parameter => parameter, parameter => $"{parameter.CommandLineName} {parameter.ValueHint()}".TrimEnd());
        var width = heads.Values.Max(head => head.Length) + 2;
        foreach (var parameter in parameters)
        {
            var source = sources.GetValueOrDefault(parameter) ?? ParameterSource.Default;
            var description = string.IsNullOrWhiteSpace(parameter.Description) ? string.Empty : parameter.Description.TrimEnd() + " ";
            if (parameter.IsSecret)
            {
                description += $"Secret: set {parameter.PreferredEnvironmentName} or {parameter.PreferredEnvironmentName}_FILE. ";
            }

            output.WriteLine($"  {heads[parameter].PadRight(width)}{description}[{ParameterValueText.Describe(parameter, source)}]");
        }
    }
}
