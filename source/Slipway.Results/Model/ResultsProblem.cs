namespace Slipway.Results;

/// <summary>Something that kept a task's results from being read in full: an infrastructure failure.</summary>
/// <param name="Task">The task whose log it was.</param>
/// <param name="Tool">The tool whose report it concerns; null when it concerns the whole task.</param>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">One sentence for people, e.g. <c>results incomplete: phpunit started but never finished (the task may have been stopped)</c>.</param>
/// <param name="RawLines">
/// The report's lines as the log held them (other streams included): the first and last lines only
/// when there were many, with a <c>... N lines left out ...</c> line between.
/// </param>
public sealed record ResultsProblem(
    string Task,
    string? Tool,
    ResultsProblemKind Kind,
    string Message,
    IReadOnlyList<string> RawLines);
