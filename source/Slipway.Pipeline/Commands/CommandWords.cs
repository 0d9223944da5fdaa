using System.Text;

namespace Slipway.Pipeline.Commands;

/// <summary>
/// A command as the words of its command line: the program, then its arguments, each passed to the program as
/// it is (exec, never a shell). Text typed as one line (<c>--command "drush updb -y"</c>, an allow-list entry)
/// is split the way a shell splits words — blanks separate them, single or double quotes keep blanks inside one —
/// and nothing else: no variables, no globs, no pipes, no <c>;</c>. A user who wants a shell asks for one:
/// <c>-- sh -c 'drush cr &amp;&amp; drush cron'</c>.
/// </summary>
public sealed record CommandWords
{
    /// <summary>The longest command accepted, in characters over all words.</summary>
    public const int MaxLength = 2000;

    private CommandWords(IReadOnlyList<string> words) => Words = words;

    /// <summary>The program first, then its arguments.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The words as given on the build's own command line (after <c>--</c>).</summary>
    /// <exception cref="CommandException">There are none, or a word is not text a program can take.</exception>
    public static CommandWords Of(IReadOnlyList<string> words)
    {
        if (words.Count == 0 || words[0].Length == 0)
        {
            throw new CommandException("No command was given: name one after --, e.g. ./build.sh Run --branch feature/x -- drush cr.");
        }

        if (words.Any(word => word.Contains('\0')) || words.Sum(word => word.Length) > MaxLength)
        {
            throw new CommandException($"The command is not one a task can run: keep it under {MaxLength} characters, without NUL characters.");
        }

        return new CommandWords(words.ToList());
    }

    /// <summary>Splits one line of text into words (see the type's summary).</summary>
    /// <exception cref="CommandException">The text is empty, has a quote that is not closed, or spans lines.</exception>
    public static CommandWords Parse(string text)
    {
        if (text.Contains('\n') || text.Contains('\r'))
        {
            throw new CommandException("The command spans several lines: give one command on one line.");
        }

        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new CommandException($"The command '{text}' opens a {(quote == '"' ? "double" : "single")} quote it does not close: close it.");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return Of(words);
    }

    /// <summary>The words as one line, quoted where a word holds blanks or quotes, for logs and the page.</summary>
    public override string ToString() =>
        string.Join(' ', Words.Select(word => word.Length > 0 && !word.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"') ? word : $"'{word.Replace("'", "'\"'\"'")}'"));

    public bool Equals(CommandWords? other) => other is not null && Words.SequenceEqual(other.Words, StringComparer.Ordinal);

    public override int GetHashCode() => Words.Aggregate(0, (hash, word) => HashCode.Combine(hash, word));
}
