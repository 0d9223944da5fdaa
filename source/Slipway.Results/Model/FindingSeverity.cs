namespace Slipway.Results;

/// <summary>How much a finding matters, most severe first.</summary>
public enum FindingSeverity
{
    /// <summary>Checkstyle <c>error</c>, PMD priority 1 or 2.</summary>
    Error,

    /// <summary>Checkstyle <c>warning</c>, PMD priority 3, a duplicated block of code.</summary>
    Warning,

    /// <summary>Checkstyle <c>info</c> or <c>ignore</c>, PMD priority 4 or 5.</summary>
    Notice,
}
