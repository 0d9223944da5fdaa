namespace Slipway.Results;

/// <summary>A task's own explanation line (a <c>::slipway:: note</c> line, docs/results-protocol.md).</summary>
/// <param name="Task">The task that printed it.</param>
/// <param name="Tool">The tool it is about, when the line names one.</param>
/// <param name="Text">What it says.</param>
public sealed record TaskNote(string Task, string? Tool, string Text)
{
    /// <summary>How a note saying that the test runner found nothing to run starts.</summary>
    public const string NoTestsFound = "no tests found";

    /// <summary>How a note saying that a test runner could not run starts (its command failed without a report).</summary>
    public const string CouldNotRun = "could not run";

    /// <summary>True when the note says the test runner found nothing to run.</summary>
    public bool SaysNoTestsFound => Text.StartsWith(NoTestsFound, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the note says a test runner could not run.</summary>
    public bool SaysCouldNotRun => Text.StartsWith(CouldNotRun, StringComparison.OrdinalIgnoreCase);

    /// <summary>The note as people read it: "phpunit: text".</summary>
    public override string ToString() => Tool is null ? Text : $"{Tool}: {Text}";

    private const string Prefix = "::slipway:: note ";

    /// <summary>Reads a note line; false for any other line.</summary>
    internal static bool TryParse(string task, string line, out TaskNote? note)
    {
        note = null;
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = line[Prefix.Length..].Trim();
        string? tool = null;
        if (rest.StartsWith("tool=", StringComparison.Ordinal))
        {
            var end = rest.IndexOf(' ');
            tool = end < 0 ? rest[5..] : rest[5..end];
            rest = end < 0 ? "" : rest[(end + 1)..].Trim();
            if (!Extraction.ToolName.IsValid(tool))
            {
                return false;
            }
        }

        if (rest.Length == 0)
        {
            return false;
        }

        note = new TaskNote(task, tool is { Length: > 0 } ? tool : null, rest.Length > 500 ? rest[..497] + "..." : rest);
        return true;
    }
}
