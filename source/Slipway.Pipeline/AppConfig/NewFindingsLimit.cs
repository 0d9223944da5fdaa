using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// <c>analysis.max_new_findings</c>: how many findings a pull request may add before its analysis turns red. Only
/// findings the base branch's latest run did not have count; old ones never fail a pull request.
/// </summary>
internal static partial class NewFindingsLimit
{
    public const string Key = "analysis.max_new_findings";

    /// <summary>The limit, or null when the file does not set one.</summary>
    public static int? Read(ValueReader read) =>
        read.Text(Key, WholeNumber(), "a whole number of new findings a pull request may add, e.g. 0") is { } text
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex("^[0-9]{1,6}$")]
    private static partial Regex WholeNumber();
}
