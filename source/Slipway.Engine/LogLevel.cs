namespace Slipway.Engine;

/// <summary>The level of a log line.</summary>
public enum LogLevel
{
    /// <summary>Detail shown only with <c>--verbosity verbose</c>.</summary>
    Debug,

    /// <summary>Progress shown with normal verbosity.</summary>
    Information,

    /// <summary>Something the user may want to fix; the build goes on.</summary>
    Warning,

    /// <summary>Something failed.</summary>
    Error,
}
