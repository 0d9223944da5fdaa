namespace Slipway.Status.Checks;

/// <summary>One stage of a run as a check (GitHub check run, Bitbucket Code Insights report).</summary>
/// <param name="Stage">The stage's name (build, test, ...).</param>
/// <param name="State">Where it stands; Pending and Running are "in progress".</param>
/// <param name="Title">One line: the stage's summary.</param>
/// <param name="Summary">Markdown: what is new, what is old, then the run report.</param>
/// <param name="Annotations">The new failing tests or findings with a file, in the order they should be posted.</param>
/// <param name="DetailsUrl">Where "details" leads: the playground when it serves, else the run's page.</param>
/// <param name="Final">True once the run has ended: the check carries its annotations and will not change again.</param>
public sealed record StageCheck(
    string Stage,
    StageState State,
    string Title,
    string Summary,
    IReadOnlyList<CheckAnnotation> Annotations,
    Uri? DetailsUrl,
    bool Final)
{
    /// <summary>The name checks are shown under: <c>slipway/&lt;stage&gt;</c>, as the commit statuses are.</summary>
    public string Name => $"slipway/{Stage}";

    /// <summary>True once the stage has ended.</summary>
    public bool Completed => State is not (StageState.Pending or StageState.Running);
}
