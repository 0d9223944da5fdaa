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

    /// <summary>
    /// Refuses a name in a parameters file that no parameter has, as an unknown option is refused: a misspelt
    /// setting silently ignored would leave the build running with its default.
    /// </summary>
    /// <exception cref="UsageException">A file sets a name that is not a parameter.</exception>
    public void CheckFileNames(IReadOnlyList<ParameterDescriptor> parameters)
    {
        foreach (var (key, raw) in files.SelectMany(file => file))
        {
            if (!parameters.Any(parameter => parameter.Key == key))
            {
                var closest = Planning.TargetNameMatcher.Closest(raw.GivenName ?? key, parameters.Select(parameter => parameter.Name));
                throw new UsageException(
                    $"{raw.Source} sets '{raw.GivenName ?? key}', which is not a parameter: did you mean '{closest}'? Rename or remove it (--help lists the parameters).");
            }
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

        if (parameter.IsSecret && SecretFromFile(parameter) is { } fromFile)
        {
            return fromFile;
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

    /// <summary>
    /// A secret read from the file that <c>SLIPWAY_NAME_FILE</c> names (a Docker or Kubernetes secret, a file only its
    /// owner can read), so that it never has to be on a command line, where every user of the machine sees it in ps.
    /// </summary>
    /// <exception cref="UsageException">The variable names a file that cannot be read.</exception>
    private RawValue? SecretFromFile(ParameterDescriptor parameter)
    {
        var name = parameter.PreferredEnvironmentName + "_FILE";
        if (!environment.TryGetValue(name, out var path) || string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(Path.GetFullPath(path, workingDirectory)).TrimEnd('\r', '\n');
            return new RawValue([text], new ParameterSource(ParameterSourceKind.Environment, name), workingDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{name} names '{path}', which cannot be read ({exception.Message.TrimEnd('.')}): point it at the file that holds {parameter.Name}.");
        }
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
