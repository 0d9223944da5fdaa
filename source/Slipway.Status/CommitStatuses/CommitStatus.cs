namespace Slipway.Status.CommitStatuses;

/// <summary>One status as it is posted on a commit; two equal values need not be posted twice.</summary>
/// <param name="Context">"slipway/&lt;stage&gt;": the GitHub context and the Bitbucket key.</param>
/// <param name="Description">At most 140 characters.</param>
/// <param name="TargetUrl">The link the check opens, when there is one.</param>
/// <param name="Branch">The branch the commit was built from (Bitbucket's <c>refname</c>).</param>
internal sealed record CommitStatus(string Context, string StageName, StageState State, string Description, Uri? TargetUrl, string? Branch = null);
