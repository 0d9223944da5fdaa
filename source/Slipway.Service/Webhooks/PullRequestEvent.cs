namespace Slipway.Service.Webhooks;

/// <summary>What a GitHub or Bitbucket pull request delivery says, read and checked, before anything is decided.</summary>
/// <param name="Trigger">github or bitbucket (<see cref="Queue.RunTriggers"/>).</param>
/// <param name="Repository">The base repository's full name: the one the webhook is installed on.</param>
/// <param name="SourceRepository">The repository the pull request's branch is in; differs from <paramref name="Repository"/> for a fork.</param>
/// <param name="Branch">The pull request's source (head) branch.</param>
/// <param name="Commit">The commit the event is about: the head commit, or the commit a review approved.</param>
/// <param name="Number">The pull request's number (GitHub) or id (Bitbucket).</param>
/// <param name="Url">The pull request's page.</param>
/// <param name="DefaultBranch">The repository's default branch, when the delivery names it (GitHub does).</param>
/// <param name="DeliveryId">The provider-prefixed delivery id.</param>
internal sealed record PullRequestEvent(
    string Trigger,
    string Repository,
    string? SourceRepository,
    string Branch,
    string Commit,
    int Number,
    string? Url,
    string? DefaultBranch,
    string? DeliveryId)
{
    /// <summary>The branch the pull request merges into, checked like a branch; null when the delivery does not name it.</summary>
    public string? BaseBranch { get; init; }

    /// <summary>The fork the code comes from, or null when it is the base repository's own branch.</summary>
    public string? Fork =>
        SourceRepository is not null && !string.Equals(SourceRepository, Repository, StringComparison.OrdinalIgnoreCase) ? SourceRepository : null;
}
