namespace Slipway.Status;

/// <summary>
/// The pipelines a run can be (the targets of <c>build.sh</c> and what the service queues), and the stages each
/// takes a run through, in the order they are shown. The one list the command line, the pipeline and the service share.
/// </summary>
public static class PipelineNames
{
    public const string Build = "Build";
    public const string Test = "Test";
    public const string Analyse = "Analyse";
    public const string Playground = "Playground";
    public const string PullRequest = "PullRequest";
    public const string Deploy = "Deploy";
    public const string Approved = "Approved";
    public const string Teardown = "Teardown";

    /// <summary>A command against a branch's environment (<c>Run -- drush cr</c>; docs/operations.md).</summary>
    public const string Run = "Run";

    /// <summary>The app's cron against a branch's environment.</summary>
    public const string Cron = "Cron";

    /// <summary>The app's sanitized database dump (docs/data.md).</summary>
    public const string DumpDatabase = "DumpDatabase";

    /// <summary>The app's public files copied into the store (docs/data.md).</summary>
    public const string SyncFiles = "SyncFiles";

    private static readonly string[] StageOrder =
        [StageNames.Build, StageNames.Test, StageNames.Analysis, StageNames.Playground, StageNames.Deploy];

    private static readonly Dictionary<string, string[]> Stages = new(StringComparer.OrdinalIgnoreCase)
    {
        [Build] = [StageNames.Build],
        [Test] = [StageNames.Build, StageNames.Test],
        [Analyse] = [StageNames.Build, StageNames.Analysis],
        [Playground] = [StageNames.Build, StageNames.Playground],
        [PullRequest] = [StageNames.Build, StageNames.Test, StageNames.Analysis, StageNames.Playground],
        [Deploy] = [StageNames.Build, StageNames.Test, StageNames.Deploy],
        [Approved] = [StageNames.Build, StageNames.Test, StageNames.Deploy],
    };

    /// <summary>The stages the given pipelines (targets) take a run through, each once, in the order they are shown.</summary>
    public static IReadOnlyList<string> StagesOf(IEnumerable<string> pipelines) =>
        pipelines.SelectMany(pipeline => Stages.GetValueOrDefault(pipeline, [])).Distinct()
            .OrderBy(stage => Array.IndexOf(StageOrder, stage)).ToList();

    /// <summary>True for a pipeline that builds (and so has stages), false for Teardown and unknown names.</summary>
    public static bool Builds(string pipeline) => Stages.ContainsKey(pipeline);
}
