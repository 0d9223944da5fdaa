namespace Slipway.Results;

/// <summary>One test case as a tool reported it: a PHPUnit test method (or data set) or a Behat scenario.</summary>
public sealed record TestCaseResult
{
    /// <summary>The test's name: the method (with its data set) or the scenario title.</summary>
    public required string Name { get; init; }

    /// <summary>The PHP class of a PHPUnit test, the feature title of a Behat scenario; empty when the report names none.</summary>
    public required string ClassName { get; init; }

    /// <summary>Where the test is declared, relative to the app root; null when the report does not say.</summary>
    public string? File { get; init; }

    /// <summary>The line the test is declared on, when the report says.</summary>
    public int? Line { get; init; }

    /// <summary>The tool or test runner that reported it (phpunit, behat, or a runner's name from <c>tests.runners</c>).</summary>
    public string Tool { get; init; } = "";

    /// <summary>How long it ran.</summary>
    public TimeSpan Time { get; init; }

    /// <summary>How it ended.</summary>
    public TestOutcome Outcome { get; init; }

    /// <summary>
    /// The first line of the failure, error, skip or warning message that says what went wrong (the
    /// test's own name, which PHPUnit repeats first, is left out); null when there is none.
    /// </summary>
    public string? Message { get; init; }

    /// <summary>The failure's type, e.g. <c>PHPUnit\Framework\ExpectationFailedException</c>, when the report says.</summary>
    public string? FailureType { get; init; }

    /// <summary>The whole failure text (message, diff and trace), cut at 10,000 characters.</summary>
    public string? Details { get; init; }

    /// <summary>The file of the line that failed, from the failure's trace, relative to the app root.</summary>
    public string? FailureFile { get; init; }

    /// <summary>The line that failed, from the failure's trace.</summary>
    public int? FailureLine { get; init; }

    /// <summary>
    /// Where to look, as <c>file:line</c>: the line that failed when the trace names it, else where the
    /// test is declared; null when neither is known.
    /// </summary>
    public string? Location => FailureFile is not null
        ? SourceLocation.Format(FailureFile, FailureLine)
        : File is null ? null : SourceLocation.Format(File, Line);

    /// <summary>The name people know the test by: <c>Class::name</c>, or the name alone when there is no class.</summary>
    public string FullName => ClassName.Length == 0 ? Name : $"{ClassName}::{Name}";
}
