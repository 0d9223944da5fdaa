using Slipway.Git.Checkout;
using Slipway.Git;
using Slipway.Git.Processes;
using Slipway.Results.Changes;

namespace Slipway.Pipeline.Running;

/// <summary>
/// The lines a pull request changed since its base run's commit, from <c>git diff --unified=0</c> in the run's
/// working copy. Only an ordering hint: when the base commit is not in the working copy, nothing is known.
/// </summary>
internal static class ChangedLinesReader
{
    public static async Task<ChangedLines> ReadAsync(CheckoutResult? checkout, Baseline baseline)
    {
        if (checkout is null || baseline.Commit is not { } baseCommit || !IsCommit(baseCommit))
        {
            return ChangedLines.None;
        }

        var result = await new GitCli(new ProcessRunner()).TryRunAsync(
            checkout.WorkFolder, ["diff", "--unified=0", "--no-color", "--no-ext-diff", baseCommit, checkout.Revision, "--"], CancellationToken.None);
        return result.Succeeded ? ChangedLines.Parse(result.StandardOutput) : ChangedLines.None;
    }

    // The commit comes from the state store; only a plain hexadecimal id goes on to git.
    private static bool IsCommit(string text) => text.Length is >= 7 and <= 64 && text.All(char.IsAsciiHexDigit);
}
