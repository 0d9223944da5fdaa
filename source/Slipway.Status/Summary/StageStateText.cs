namespace Slipway.Status.Summary;

/// <summary>The words and Slack emoji a stage state is shown with.</summary>
internal static class StageStateText
{
    public static string Word(StageState state) => state switch
    {
        StageState.Pending => "pending",
        StageState.Running => "running",
        StageState.Succeeded => "succeeded",
        StageState.Failed => "failed",
        StageState.Skipped => "skipped",
        StageState.Cancelled => "cancelled",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Emoji(StageState state) => state switch
    {
        StageState.Pending => ":white_circle:",
        StageState.Running => ":hourglass_flowing_sand:",
        StageState.Succeeded => ":white_check_mark:",
        StageState.Failed => ":x:",
        StageState.Skipped => ":fast_forward:",
        StageState.Cancelled => ":no_entry_sign:",
        _ => ":grey_question:",
    };

    public static string Word(RunState outcome) => outcome switch
    {
        RunState.Running => "running",
        RunState.Succeeded => "succeeded",
        RunState.Failed => "failed",
        RunState.Cancelled => "cancelled",
        RunState.Superseded => "superseded by a newer push",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static string Emoji(RunState outcome) => outcome switch
    {
        RunState.Running => ":hourglass_flowing_sand:",
        RunState.Succeeded => ":white_check_mark:",
        RunState.Failed => ":x:",
        RunState.Cancelled => ":no_entry_sign:",
        RunState.Superseded => ":fast_forward:",
        _ => ":grey_question:",
    };
}
