using Slipway.Platform;
using Slipway.Results;

namespace Slipway.Pipeline.Running;

/// <summary>
/// Says what a clean-up could not remove, and the command that removes it, so that the first error stays
/// the one reported and the leftovers are added after it.
/// </summary>
public static class LeftoverReport
{
    /// <summary>The command that removes what a run of <paramref name="branch"/> left.</summary>
    public static string TeardownCommand(string branch) => $"./build.sh Teardown --branch {branch}";

    /// <summary>One sentence naming every leftover and the command that removes them.</summary>
    /// <param name="again">True when the leftovers are a Teardown's own, so the advice is to run it again.</param>
    public static string Describe(IReadOnlyList<Leftover> leftovers, string branch, bool again = false) =>
        $"Could not remove {string.Join("; ", leftovers.Select(leftover => $"{leftover.What} ({leftover.Reason.TrimEnd('.', ' ')})"))}: run {TeardownCommand(branch)}{(again ? " again" : "")} once AWS answers.";

    /// <summary>The leftovers as report problems of <paramref name="taskName"/>, one per leftover.</summary>
    public static IEnumerable<ResultsProblem> Problems(string taskName, IReadOnlyList<Leftover> leftovers, string branch) =>
        leftovers.Select(leftover => new ResultsProblem(
            taskName,
            null,
            ResultsProblemKind.CleanupFailed,
            $"could not remove {leftover.What} ({leftover.Reason.TrimEnd('.', ' ')}): run {TeardownCommand(branch)}",
            []));

    /// <summary><paramref name="exception"/>'s message, followed by what the clean-up after it left, when anything.</summary>
    public static string MessageOf(Exception exception, string branch) =>
        CleanupFailedException.Of(exception) is { Count: > 0 } leftovers
            ? $"{exception.Message} {Describe(leftovers, branch)}"
            : exception.Message;
}
