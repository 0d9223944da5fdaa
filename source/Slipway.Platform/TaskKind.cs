namespace Slipway.Platform;

/// <summary>The kinds of work a platform runs for the pipeline.</summary>
public enum TaskKind
{
    /// <summary>The composer/theme/hooks build inside the builder image.</summary>
    Build,

    /// <summary>The automated tests (docker/tests/run-tests.sh).</summary>
    Tests,

    /// <summary>The static analysis (docker/tests/run-analysis.sh).</summary>
    Analysis,

    /// <summary>The branch served over HTTP until torn down.</summary>
    Playground,

    /// <summary>
    /// A one-off command or the app's cron, run from the branch's built image with its playground's
    /// environment (<c>Run -- drush cr</c>, <c>Cron</c>); the task ends when the command does.
    /// </summary>
    Command,
}

public static class TaskKindNames
{
    public static string Label(this TaskKind kind) => kind.ToString().ToLowerInvariant();
}
