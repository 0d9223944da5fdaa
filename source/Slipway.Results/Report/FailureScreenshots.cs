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

    // A name counts only as a whole file name: "a.png" is named neither by "data.png" nor by "a.png.bak".
    private static bool Mentions(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsNameCharacter(text[at - 1])) && (end == text.Length || !IsNameCharacter(text[end]) || EndsSentence(text, end)))
            {
                return true;
            }
        }

        return false;
    }

    // "Saved testLogin.png." ends a sentence after the name: a dot followed by nothing or a space is not part of it.
    private static bool EndsSentence(string text, int end) =>
        text[end] == '.' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]));

    private static bool IsNameCharacter(char character) => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '-';

    private static string PlainName(string name) =>
        string.Concat(name.Select(character => IsNameCharacter(character) ? character : '-')).TrimStart('.');
}
