namespace Slipway.Engine.Parameters;

/// <summary>
/// Finds each parameter's value in its sources, highest first: the command line, the environment, the profile
/// files (a later profile wins), <c>.nuke/parameters.json</c>; without any, the member keeps its initial value.
/// </summary>
internal sealed class ParameterResolver(
    CommandLineArguments commandLine,
    IReadOnlyDictionary<string, string> environment,
    string workingDirectory)
{
    private static readonly char[] ListSeparators = [' ', '\t', '\n', ','];
    private readonly List<Dictionary<string, RawValue>> files = [];

    /// <summary>Reads <c>parameters.json</c> and the profiles' files from <paramref name="nukeDirectory"/>.</summary>
    /// <exception cref="UsageException">A profile has no file, or a file is not valid.</exception>
    public void LoadFiles(AbsolutePath nukeDirectory, IReadOnlyList<string> profiles)
    {
        files.Clear();
        foreach (var profile in profiles.Reverse())
        {
            var file = nukeDirectory / $"parameters.{profile}.json";
            if (!file.FileExists())
            {
                throw new UsageException($"Profile '{profile}' has no parameters file: create {file} or drop --profile {profile}.");
            }

            files.Add(ParameterFile.Read(file, new ParameterSource(ParameterSourceKind.ProfileFile, file.Name)));
        }

        var defaults = nukeDirectory / "parameters.json";
        if (defaults.FileExists())
        {
            files.Add(ParameterFile.Read(defaults, new ParameterSource(ParameterSourceKind.ParametersFile, defaults.Name)));
        }
    }

    /// <summary>The parameter's value as text from the highest source that has one, or null.</summary>
    public RawValue? Find(ParameterDescriptor parameter)
    {
        if (commandLine.Find(parameter.Name) is { } option)
        {
            return new RawValue(option.Values, ParameterSource.CommandLine, workingDirectory);
        }

        foreach (var name in parameter.EnvironmentNames())
        {
            if (environment.TryGetValue(name, out var text) && !string.IsNullOrEmpty(text))
            {
                IReadOnlyList<string> values = parameter.IsArray
                    ? text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [text];
                return new RawValue(values, new ParameterSource(ParameterSourceKind.Environment, name), workingDirectory);
            }
        }

        if (parameter.ReadFromFiles)
        {
            foreach (var file in files)
            {
                if (file.TryGetValue(parameter.Key, out var value))
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>Sets the parameter from its highest source and returns that source (<see cref="ParameterSource.Default"/> when none).</summary>
    /// <exception cref="UsageException">The value does not convert to the parameter's type.</exception>
    public ParameterSource Apply(ParameterDescriptor parameter)
    {
        if (Find(parameter) is not { } raw)
        {
            return ParameterSource.Default;
        }

        parameter.SetValue(ValueConverter.Convert(parameter, raw));
        return raw.Source;
    }
}
