namespace Slipway.Results.Writers;

/// <summary>
/// Adds the Markdown report to a GitHub Actions job summary: the file named by
/// <c>$GITHUB_STEP_SUMMARY</c>, when that variable is set.
/// </summary>
/// <param name="environment">Looks up an environment variable (injectable for tests).</param>
/// <param name="writer">Writes the Markdown.</param>
public sealed class GitHubStepSummary(Func<string, string?> environment, MarkdownReportWriter writer)
{
    /// <summary>The variable GitHub Actions sets to the summary file of the running step.</summary>
    public const string VariableName = "GITHUB_STEP_SUMMARY";

    /// <summary>Uses the process environment and the default Markdown writer.</summary>
    public GitHubStepSummary()
        : this(Environment.GetEnvironmentVariable, new MarkdownReportWriter())
    {
    }

    /// <summary>Appends the report to the summary file; returns false (and writes nothing) when there is none.</summary>
    public bool TryAppend(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (environment(VariableName) is not { Length: > 0 } path)
        {
            return false;
        }

        using var output = new StreamWriter(path, append: true);
        writer.Write(report, output);
        return true;
    }
}
