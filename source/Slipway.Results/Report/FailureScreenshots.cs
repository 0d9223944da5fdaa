namespace Slipway.Results;

/// <summary>
/// Which screenshot shows a failing test: the one its failure message (or details) names, as a runner that saves a
/// screenshot usually says where it put it; else the one named after the test's method (<c>testLogin.png</c> for
/// <c>LoginTest::testLogin</c>), as run-tests.sh would make the name plain.
/// </summary>
public static class FailureScreenshots
{
    /// <summary>The screenshot of <paramref name="test"/> among <paramref name="attachments"/>; null when none is its.</summary>
    public static TaskAttachment? Of(TestCaseResult test, IReadOnlyList<TaskAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return null;
        }

        var named = attachments.FirstOrDefault(attachment =>
            Mentions(test.Message, attachment.Name) || Mentions(test.Details, attachment.Name));
        if (named is not null)
        {
            return named;
        }

        var stem = PlainName(test.Name);
        return attachments.FirstOrDefault(attachment =>
            string.Equals(Path.GetFileNameWithoutExtension(attachment.Name), stem, StringComparison.OrdinalIgnoreCase));
    }

    // A name counts only as a whole file name: "a.png" is not named by "data.png".
    private static bool Mentions(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !IsNameCharacter(text[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameCharacter(char character) => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-';

    private static string PlainName(string name) =>
        string.Concat(name.Select(character => IsNameCharacter(character) ? character : '-')).TrimStart('.');
}
