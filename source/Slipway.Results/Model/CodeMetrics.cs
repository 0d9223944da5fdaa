namespace Slipway.Results;

/// <summary>The size of the code as phploc measured it; a value is null when the report lacks it.</summary>
/// <param name="Tool">The tool that measured (phploc).</param>
/// <param name="LinesOfCode">All lines (phploc's <c>loc</c>).</param>
/// <param name="LogicalLinesOfCode">Executable statements (phploc's <c>lloc</c>).</param>
/// <param name="Classes">Classes, abstract and concrete.</param>
/// <param name="Methods">Methods of classes and traits.</param>
public sealed record CodeMetrics(string Tool, long? LinesOfCode, long? LogicalLinesOfCode, long? Classes, long? Methods);
