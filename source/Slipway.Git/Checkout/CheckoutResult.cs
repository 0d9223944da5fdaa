namespace Slipway.Git.Checkout;

/// <summary>What was checked out, and where.</summary>
/// <param name="Revision">
/// The commit id (40 lower-case hex digits) for a git source; for a plain folder a hash of its content
/// (40 lower-case hex digits, the same for the same content) standing in for it.
/// </param>
/// <param name="IsCommit">True when <see cref="Revision"/> is a git commit, false when it is a content hash.</param>
/// <param name="Branch">The branch built (the default branch when none was asked for); "local" for a folder without --branch.</param>
/// <param name="RemoteUrl">
/// The app's remote for status reporting, credentials redacted: the URL given, or a local repository's
/// <c>origin</c>; null when unknown (plain folders, local repositories without origin).
/// </param>
/// <param name="WorkFolder">The folder holding the checked-out source.</param>
public sealed record CheckoutResult(string Revision, bool IsCommit, string Branch, string? RemoteUrl, string WorkFolder)
{
    /// <summary>The branch name reported for a plain folder when no --branch is given.</summary>
    public const string FolderBranch = "local";

    /// <summary>The first seven characters of <see cref="Revision"/>, as used in image tags.</summary>
    public string ShortRevision => Revision[..7];
}
