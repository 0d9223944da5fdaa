using System.Globalization;

namespace Slipway.Results.Parsing;

/// <summary>Finds what people need in a failure's text: the message's first line and the line that failed.</summary>
internal static class FailureText
{
    /// <summary>
    /// The first line that says what went wrong. PHPUnit starts its text with the test's own name
    /// (<c>Class::method with data set "x" (1, 2)</c>); that line and blank lines are passed over.
    /// </summary>
    public static string? FirstMessageLine(string? text, string name, string className)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var testPrefix = className.Length == 0 ? null : className + "::";
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan()[range].Trim();
            if (line.IsEmpty || line.SequenceEqual(name) || (testPrefix is not null && line.StartsWith(testPrefix, StringComparison.Ordinal)))
            {
                continue;
            }

            return line.ToString();
        }

        return null;
    }

    /// <summary>
    /// The frame of the failure's trace (lines of the form <c>/path/File.php:42</c>) to show: the one
    /// in the test's own file when there is one, else the first.
    /// </summary>
    public static (string File, int Line)? Location(string? text, string? testFile, AppPathMapper paths)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        (string File, int Line)? first = null;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan()[range].Trim();
            var colon = line.LastIndexOf(':');
            if (colon <= 0 || line.IndexOf(' ') >= 0 || line[..colon].IndexOf('/') < 0
                || !int.TryParse(line[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            var file = paths.Relative(line[..colon].ToString());
            if (file == testFile)
            {
                return (file, number);
            }

            first ??= (file, number);
        }

        return first;
    }
}
