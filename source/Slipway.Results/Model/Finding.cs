namespace Slipway.Results;

/// <summary>One thing a static analysis tool found in the code.</summary>
/// <param name="Tool">The tool that found it (phpcs, phpmd, phpcpd, phpstan, phplint).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="File">The file, relative to the app root.</param>
/// <param name="Line">The line it starts on, when the tool says.</param>
/// <param name="Column">The column, when the tool says.</param>
/// <param name="Rule">The rule, sniff or check that fired (e.g. <c>PSR12.Files.FileHeader.SpacingAfterBlock</c>); empty when the tool names none.</param>
/// <param name="Message">What the tool says about it.</param>
public sealed record Finding(
    string Tool,
    FindingSeverity Severity,
    string File,
    int? Line,
    int? Column,
    string Rule,
    string Message)
{
    /// <summary>Where it is, as <c>file:line</c>.</summary>
    public string Location => SourceLocation.Format(File, Line);
}
