namespace Slipway.Git.Processes;

/// <summary>A program to run to completion, with its arguments passed one by one (never through a shell).</summary>
/// <param name="FileName">The program, e.g. <c>git</c>; looked up on PATH.</param>
/// <param name="Arguments">The arguments, each passed as it is.</param>
/// <param name="WorkingDirectory">Where the program runs.</param>
/// <param name="Environment">Variables to set (or, with a null value, to remove) on top of the inherited environment.</param>
public sealed record ProcessRequest(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?>? Environment = null)
{
    /// <summary>The command line with credentials in URLs redacted; environment values are left out because they may be secrets.</summary>
    public override string ToString() =>
        CredentialRedactor.Redact($"{FileName} {string.Join(' ', Arguments)} (in {WorkingDirectory})");
}
