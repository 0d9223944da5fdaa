namespace Slipway.Results;

/// <summary>Why a task's results cannot be trusted. Every kind is an infrastructure failure, never a test failure.</summary>
public enum ResultsProblemKind
{
    /// <summary>A report began but never ended (the task was stopped or the log was cut), or its beginning is missing.</summary>
    Incomplete,

    /// <summary>A report ended but could not be read: malformed, empty, or in a format Slipway does not read.</summary>
    Unreadable,

    /// <summary>The task never ran.</summary>
    TaskFailedToStart,

    /// <summary>The task's entry script failed (a non-zero exit code means the runner broke, not that tests failed).</summary>
    TaskFailed,

    /// <summary>The platform failed while the task ran: waiting for it or reading its log (AWS could not be reached).</summary>
    PlatformFailed,

    /// <summary>Something the run created could not be removed afterwards; Teardown removes it.</summary>
    CleanupFailed,

    /// <summary>A stage failed before it had results of its own to report (the build, the playground).</summary>
    StageFailed,
}
