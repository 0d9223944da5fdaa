using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// Just enough of composer's version constraints (<c>^7.4 || ^8.0</c>, <c>&gt;=7.2 &lt;8.0</c>, <c>~8.1.0</c>,
/// <c>7.4.*</c>) to tell whether a PHP minor version satisfies one. A constraint it cannot read allows nothing.
/// </summary>
public static partial class ComposerConstraint
{
    private const int PatchesTried = 60;

    /// <summary>True when some release of <paramref name="minorVersion"/> (e.g. 7.4.x) satisfies <paramref name="constraint"/>.</summary>
    public static bool Allows(string constraint, string minorVersion)
    {
        var series = Parse(minorVersion);
        if (series is null)
        {
            return false;
        }

        var alternatives = AlternativeSeparator().Split(constraint.Trim());
        for (var patch = 0; patch < PatchesTried; patch++)
        {
            var candidate = new Version(series.Major, series.Minor, patch);
            if (alternatives.Any(alternative => AllTermsAllow(alternative, candidate)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllTermsAllow(string alternative, Version candidate)
    {
        var terms = TermSeparator().Split(alternative.Trim()).Where(term => term.Length > 0).ToList();
        return terms.Count > 0 && terms.All(term => TermAllows(term, candidate));
    }

    private static bool TermAllows(string term, Version candidate)
    {
        var match = Term().Match(term);
        if (!match.Success)
        {
            return false;
        }

        var op = match.Groups["op"].Value;
        var text = match.Groups["version"].Value;
        if (text == "*")
        {
            return true;
        }

        var parts = text.Split('.');
        var wildcard = parts[^1] == "*";
        var numbers = parts.Where(part => part != "*").ToArray();
        var version = Parse(string.Join('.', numbers));
        if (version is null)
        {
            return false;
        }

        if (wildcard)
        {
            return candidate >= version && candidate < Bump(version, numbers.Length - 1);
        }

        return op switch
        {
            ">=" => candidate >= version,
            ">" => candidate > version,
            "<=" => candidate <= version,
            "<" => candidate < version,
            "!=" => candidate != version,
            "^" => candidate >= version && candidate < Bump(version, version.Major > 0 ? 0 : 1),
            "~" => candidate >= version && candidate < Bump(version, Math.Max(0, numbers.Length - 2)),
            _ => candidate == version,
        };
    }

    /// <summary>The first version past the one given at <paramref name="position"/> (0 major, 1 minor, 2 patch).</summary>
    private static Version Bump(Version version, int position) => position switch
    {
        0 => new Version(version.Major + 1, 0, 0),
        1 => new Version(version.Major, version.Minor + 1, 0),
        _ => new Version(version.Major, version.Minor, version.Build + 1),
    };

    private static Version? Parse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length is 0 or > 4)
        {
            return null;
        }

        var numbers = new int[3];
        for (var i = 0; i < Math.Min(parts.Length, 3); i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new Version(numbers[0], numbers[1], numbers[2]);
    }

    [GeneratedRegex(@"\s*\|\|?\s*")]
    private static partial Regex AlternativeSeparator();

    [GeneratedRegex(@"(?:\s*,\s*|\s+)")]
    private static partial Regex TermSeparator();

    [GeneratedRegex(@"^(?<op>>=|<=|!=|==|>|<|=|\^|~)?\s*v?(?<version>\*|\d+(?:\.(?:\d+|\*)){0,3})(?:[-@][A-Za-z0-9.]*)?$")]
    private static partial Regex Term();
}
