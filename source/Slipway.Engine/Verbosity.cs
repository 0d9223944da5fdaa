namespace Slipway.Engine;

/// <summary>How much the build prints; set with <c>--verbosity</c>.</summary>
public enum Verbosity
{
    /// <summary>Errors and the final summary only.</summary>
    Quiet,

    /// <summary>Warnings, errors and the final summary.</summary>
    Minimal,

    /// <summary>Everything but debug lines.</summary>
    Normal,

    /// <summary>Everything, including debug lines and stack traces of failures.</summary>
    Verbose,
}
