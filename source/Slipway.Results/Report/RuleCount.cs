namespace Slipway.Results;

/// <summary>How often one rule of one tool fired: the first thing a reviewer of a large report reads.</summary>
/// <param name="Tool">The tool.</param>
/// <param name="Rule">The rule, sniff or check ("(no rule)" when the tool names none).</param>
/// <param name="Severity">The most severe of its findings.</param>
/// <param name="Count">How many findings it made.</param>
/// <param name="Files">In how many files.</param>
public sealed record RuleCount(string Tool, string Rule, FindingSeverity Severity, int Count, int Files);
