using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Docker.Build;

/// <summary>
/// One .dockerignore line compiled to a regular expression: <c>*</c> and <c>?</c> stay within a path segment,
/// <c>**</c> spans any number of segments, <c>[...]</c> is a character class, a leading <c>!</c> re-includes.
/// </summary>
internal sealed class ExcludePattern
{
    private readonly Regex regex;

    private ExcludePattern(string text, bool isException)
    {
        Text = text;
        IsException = isException;
        regex = new Regex(ToRegex(text), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The cleaned pattern, without its '!'.</summary>
    public string Text { get; }

    /// <summary>True for a '!' line, which re-includes what earlier lines excluded.</summary>
    public bool IsException { get; }

    /// <summary>Parses one line; null for blank lines and comments.</summary>
    public static ExcludePattern? Parse(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        var isException = text[0] == '!';
        if (isException)
        {
            text = text[1..].Trim();
        }

        text = Clean(text);
        return text.Length == 0 ? null : new ExcludePattern(text, isException);
    }

    /// <summary>True when the pattern matches <paramref name="path"/> ('/'-separated, relative) or one of its parent folders.</summary>
    public bool Matches(string path)
    {
        if (regex.IsMatch(path))
        {
            return true;
        }

        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (regex.IsMatch(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string text)
    {
        var segments = new List<string>();
        foreach (var segment in text.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0)
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var index = 0; index < pattern.Length; index++)
        {
            var character = pattern[index];
            switch (character)
            {
                case '*' when index + 1 < pattern.Length && pattern[index + 1] == '*':
                    index++;
                    if (index + 1 < pattern.Length && pattern[index + 1] == '/')
                    {
                        index++;
                    }

                    regex.Append(index + 1 >= pattern.Length ? ".*" : "(.*/)?");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', index + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = pattern[(index + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                    index = close;
                    break;
                default:
                    regex.Append(Regex.Escape(character.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }
}
