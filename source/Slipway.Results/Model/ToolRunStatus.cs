namespace Slipway.Results;

/// <summary>What became of one tool's report in the log.</summary>
public enum ToolRunStatus
{
    /// <summary>The report was complete and read.</summary>
    Read,

    /// <summary>The report began but never ended, or its beginning is missing.</summary>
    Incomplete,

    /// <summary>The report was complete but could not be read.</summary>
    Unreadable,
}
