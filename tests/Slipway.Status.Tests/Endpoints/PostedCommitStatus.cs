namespace Slipway.Status.Tests.Endpoints;

/// <summary>A commit status a provider accepted, in the provider's own words (GitHub's state or Bitbucket's).</summary>
/// <param name="RefName">Bitbucket's <c>refname</c>: the branch the commit was built from (GitHub has no such field).</param>
public sealed record PostedCommitStatus(
    string Repository,
    string Sha,
    string Context,
    string State,
    string? Description,
    string? TargetUrl,
    string? RefName = null);
