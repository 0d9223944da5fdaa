namespace Slipway.Engine.Parameters;

/// <summary>
/// The command line split into target names (the words before the first option) and options; an option takes the
/// words after it up to the next option, except a flag (a bool parameter), which takes a following word only when
/// it is true or false, so that <c>--plan Test</c> plans Test. <c>--name=value</c> and <c>-h</c> are understood too.
/// A lone <c>--</c> ends the options: the words after it are the build's own (<see cref="AfterSeparator"/>), never read as targets or options.
/// </summary>
internal sealed class CommandLineArguments
{
    private readonly Dictionary<string, CommandLineOption> options;

    private CommandLineArguments(IReadOnlyList<string> targets, Dictionary<string, CommandLineOption> options, IReadOnlyList<string>? afterSeparator)
    {
        Targets = targets;
        this.options = options;
        AfterSeparator = afterSeparator;
    }

    /// <summary>The words after a lone <c>--</c>, as given; null when there is none.</summary>
    public IReadOnlyList<string>? AfterSeparator { get; }

    /// <summary>The positional words: target names.</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>The options, in the order first given.</summary>
    public IEnumerable<CommandLineOption> Options => options.Values;

    /// <param name="args">The words of the command line.</param>
    /// <param name="isFlag">Tells, by normalized name, which options are flags; null when not known yet.</param>
    public static CommandLineArguments Parse(IReadOnlyList<string> args, Func<string, bool>? isFlag = null)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, CommandLineOption>();
        List<string>? values = null;
        var flag = false;
        for (var index = 0; index < args.Count; index++)
        {
            var argument = args[index];
            if (argument == "--")
            {
                return new CommandLineArguments(targets, options, args.Skip(index + 1).ToList());
            }

            if (OptionName(argument) is { } name)
            {
                var inlineValue = default(string);
                var equals = name.IndexOf('=');
                if (equals > 0)
                {
                    inlineValue = name[(equals + 1)..];
                    name = name[..equals];
                }

                var key = ParameterNames.Normalize(name);
                flag = isFlag?.Invoke(key) ?? false;
                if (options.TryGetValue(key, out var existing))
                {
                    values = (List<string>)existing.Values;
                }
                else
                {
                    values = [];
                    options.Add(key, new CommandLineOption(name, values));
                }

                if (inlineValue is not null)
                {
                    values.Add(inlineValue);
                }
            }
            else if (values is null || (flag && (values.Count > 0 || !IsBooleanLiteral(argument))))
            {
                targets.Add(argument);
            }
            else
            {
                values.Add(argument);
            }
        }

        return new CommandLineArguments(targets, options, null);
    }

    /// <summary>The option for a parameter, matched ignoring case, dashes and underscores.</summary>
    public CommandLineOption? Find(string parameterName) =>
        options.GetValueOrDefault(ParameterNames.Normalize(parameterName));

    private static bool IsBooleanLiteral(string word) =>
        word.Equals("true", StringComparison.OrdinalIgnoreCase) || word.Equals("false", StringComparison.OrdinalIgnoreCase);

    private static string? OptionName(string argument)
    {
        if (argument is "-h" or "-?")
        {
            return "help";
        }

        return argument.Length > 2 && argument.StartsWith("--", StringComparison.Ordinal) && argument[2] != '-'
            ? argument[2..]
            : null;
    }
}
