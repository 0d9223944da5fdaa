namespace Slipway.Pipeline.Stages;

/// <summary>
/// Which findings turn the analysis stage red. Findings are always reported; this only decides the stage's
/// verdict (its commit status, its Slack line, the run's outcome and exit code). See docs/status.md.
/// </summary>
public enum AnalysisFailsOn
{
    /// <summary>Never: the analysis is red only when its results could not be read.</summary>
    Never,

    /// <summary>
    /// Code that does not parse (an error-severity <c>php -l</c> finding). The default: a legacy codebase full of
    /// coding-standard findings stays green, a change that breaks PHP's syntax does not.
    /// </summary>
    Syntax,

    /// <summary>Any error-severity finding of any tool (phpcs errors, phpmd priority 1–2, phpstan, php -l).</summary>
    Error,

    /// <summary>Any error- or warning-severity finding: for a codebase that is already clean.</summary>
    Warning,
}
