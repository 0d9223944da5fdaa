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
}

public static class TaskKindNames
{
    public static string Label(this TaskKind kind) => kind.ToString().ToLowerInvariant();
}
