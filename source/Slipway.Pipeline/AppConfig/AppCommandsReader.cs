using Slipway.Pipeline.Commands;
using YamlDotNet.RepresentationModel;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// Reads <c>commands</c> and <c>cron</c> out of <c>.slipway.yml</c>. An entry is one line of words
/// (<c>drush updb -y</c>) or a list of words; either way it only ever becomes the words of an exec, never shell
/// text, and a first word that looks like an option is refused.
/// </summary>
internal static class AppCommandsReader
{
    /// <summary>The most commands an allow-list may hold.</summary>
    public const int MaxCommands = 50;

    public static AppCommands? Read(IReadOnlyDictionary<string, YamlNode> values)
    {
        var allowList = values.TryGetValue("commands", out var list) && !IsEmpty(list) ? AllowList(list) : null;
        var cron = values.TryGetValue("cron.command", out var command) && !IsEmpty(command) ? Command("cron.command", command) : null;
        var playgrounds = Flag(values, "cron.playgrounds");
        var development = Flag(values, "cron.development");
        return allowList is null && cron is null && playgrounds is null && development is null
            ? null
            : new AppCommands(allowList, cron, playgrounds, development);
    }

    private static List<CommandWords> AllowList(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), "gives 'commands' a single value: it takes a list of commands, e.g. [\"drush cr\", \"drush updb -y\"]");
        }

        if (sequence.Children.Count > MaxCommands)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"lists {sequence.Children.Count} commands: keep the allow-list to at most {MaxCommands}");
        }

        return sequence.Children.Select(item => Command("commands", item)).ToList();
    }

    private static CommandWords Command(string key, YamlNode node)
    {
        CommandWords words;
        try
        {
            words = node switch
            {
                YamlScalarNode { Value: { } text } => CommandWords.Parse(text),
                YamlSequenceNode items when items.Children.All(item => item is YamlScalarNode { Value: not null }) =>
                    CommandWords.Of(items.Children.Select(item => ((YamlScalarNode)item).Value!).ToList()),
                _ => throw new CommandException("it is a mapping"),
            };
        }
        catch (CommandException exception)
        {
            throw AppConfigParser.Mistake(
                AppConfigParser.Line(node), $"gives '{key}' a command Slipway cannot run ({exception.Message.TrimEnd('.')}): write it as one line of words, e.g. drush cron, or a list of words");
        }

        if (words.Words[0].StartsWith('-') || words.Words[0].Trim().Length == 0)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{key}' a command that starts with '{words.Words[0]}': start it with the program to run, e.g. drush");
        }

        return words;
    }

    private static bool? Flag(IReadOnlyDictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node) || IsEmpty(node))
        {
            return null;
        }

        return node is YamlScalarNode { Value: "true" or "false" } scalar
            ? scalar.Value == "true"
            : throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{key}' a value other than true or false: write true or false");
    }

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode { Value: null or "" };
}
