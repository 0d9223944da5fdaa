using Slipway.Git.Checkout;
using Slipway.Service.Apps;

namespace Slipway.Service.Webhooks;

/// <summary>
/// The checks every delivery's fields pass before they can reach a run: the repository must be one this Slipway is
/// configured to build, and the branch and commit must be what they claim to be, so that no payload value is ever
/// read as a git or command-line option.
/// </summary>
internal static class WebhookRunFields
{
    /// <summary>The reason a delivery from a repository with no <c>--service-apps</c> entry is ignored.</summary>
    public static string NotConfigured(string repository) =>
        $"repository '{repository}' is not one this Slipway builds: add it to --service-apps as {repository}=<git URL or folder>";

    /// <summary>The branch, when it is a valid git branch name that cannot be read as an option.</summary>
    /// <exception cref="WebhookPayloadException">It is not.</exception>
    public static string Branch(string eventName, string branch) =>
        AppSource.IsValidBranchName(branch)
            ? branch
            : throw new WebhookPayloadException($"The {eventName} payload's branch '{DisplayText(branch)}' is not a valid git branch name.");

    /// <summary>The branch a pull request merges into, checked as <see cref="Branch"/> is; null when the delivery names none.</summary>
    /// <exception cref="WebhookPayloadException">It is not a valid git branch name.</exception>
    public static string? BaseBranch(string eventName, string? branch) =>
        branch is null ? null
            : AppSource.IsValidBranchName(branch)
                ? branch
                : throw new WebhookPayloadException($"The {eventName} payload's base branch '{DisplayText(branch)}' is not a valid git branch name.");

    /// <summary>The commit, when it is 4 to 40 hexadecimal digits.</summary>
    /// <exception cref="WebhookPayloadException">It is not.</exception>
    public static string Commit(string eventName, string commit) =>
        AppSource.IsValidCommitId(commit)
            ? commit
            : throw new WebhookPayloadException($"The {eventName} payload's commit '{DisplayText(commit)}' is not a commit id.");

    // The answer goes back to whoever sent the delivery; keep it printable and short.
    private static string DisplayText(string value)
    {
        var printable = new string(value.Select(character => char.IsControl(character) ? '?' : character).ToArray());
        return printable.Length > 80 ? printable[..80] + "…" : printable;
    }
}
