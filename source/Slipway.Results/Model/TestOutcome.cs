namespace Slipway.Results;

/// <summary>How one test case ended.</summary>
public enum TestOutcome
{
    /// <summary>It ran and its assertions held.</summary>
    Passed,

    /// <summary>An assertion did not hold (<c>&lt;failure&gt;</c>).</summary>
    Failed,

    /// <summary>It broke before its assertions could decide (<c>&lt;error&gt;</c>: an exception, a risky test, a pending or undefined Behat step).</summary>
    Error,

    /// <summary>It was skipped or marked incomplete.</summary>
    Skipped,

    /// <summary>It passed with a PHPUnit warning (<c>&lt;warning&gt;</c>); not a failure.</summary>
    Warning,
}
