using System.Text.RegularExpressions;

namespace Slipway.Results;

/// <summary>
/// A file a task handed back through its log (see docs/results-protocol.md), such as the screenshot of a failing
/// browser step. Its name was checked: a plain file name, safe to write into the run's report folder.
/// </summary>
/// <param name="Tool">The tool that handed it back (browser).</param>
/// <param name="Name">The file's name, e.g. <c>testLogin.png</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed partial record TaskAttachment(string Tool, string Name, byte[] Content)
{
    /// <summary>The folder of the run's report folder that attachments are written to, and linked from.</summary>
    public const string Folder = "screenshots";

    /// <summary>The path relative to the run's report folder, with forward slashes (a link target).</summary>
    public string RelativePath => $"{Folder}/{Name}";

    /// <summary>
    /// True when <paramref name="name"/> is a plain PNG file name: letters, digits, '.', '_', '-', not starting with '.',
    /// ending in <c>.png</c>, up to 120 characters. The one rule for names a task hands back and names a page is asked for.
    /// </summary>
    public static bool IsPlainName(string? name) => name is not null && PlainPngName().IsMatch(name);

    [GeneratedRegex(@"^(?!\.)[A-Za-z0-9._-]{1,116}\.png\z")]
    private static partial Regex PlainPngName();
}
