using System.Text.RegularExpressions;

namespace Slipway.Results.Extraction;

/// <summary>
/// What a tool's name in a marker or note may be: Slipway's own tools (phpunit, phpcs, browser, ...) and the names
/// of an app's test runners (<c>tests.runners</c>, checked with the same shape when <c>.slipway.yml</c> is read).
/// Anything else never names a tool, so no text from a task's log becomes one.
/// </summary>
internal static partial class ToolName
{
    public static bool IsValid(string name) => Shape().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Shape();
}
