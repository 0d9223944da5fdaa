using System.Globalization;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Running;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Execution;

/// <summary>
/// The pipeline request of a queued run, and how its code is fetched: the app's own branch, or a fork's pull request —
/// on GitHub the base repository's <c>refs/pull/&lt;n&gt;/head</c>, on Bitbucket (which keeps no such ref) the fork's
/// branch from the fork's repository, whose address is the configured source's with the fork's full name in place of
/// the repository's. A payload's clone URL is never used. Every value stays a typed field: nothing becomes a command line.
/// </summary>
public static class ForkCheckout
{
    /// <summary>
    /// The fork's git address next to the configured <paramref name="source"/> of <paramref name="repository"/>
    /// (<c>https://bitbucket.org/acme/site.git</c> → <c>https://bitbucket.org/forker/site.git</c>); null when the source
    /// does not end in the repository's full name, so no address can be derived.
    /// </summary>
    public static string? ForkSource(string source, string repository, string fork)
    {
        var trimmed = source.TrimEnd('/');
        var suffix = trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? ".git" : "";
        var stem = trimmed[..^suffix.Length];
        if (!stem.EndsWith(repository, StringComparison.OrdinalIgnoreCase) || stem.Length == repository.Length)
        {
            return null;
        }

        var before = stem[^(repository.Length + 1)];
        return before is '/' or ':' ? stem[..^repository.Length] + fork + suffix : null;
    }

    /// <summary>What the pipeline is asked to run for <paramref name="request"/>, whose app's source is <paramref name="app"/>.</summary>
    public static PipelineRequest RequestOf(RunRequest request, string app)
    {
        if (request.Pipeline is PipelineNames.Teardown or PipelineNames.DumpDatabase or PipelineNames.SyncFiles)
        {
            // Torn down by the branch as Slipway keys it (a fork's apart from upstream's), known by the app's name only; the
            // nightly dump and files sync are the app's too, and without its name they would be the default app's.
            return new PipelineRequest(request.Pipeline, app, request.Branch) { AppName = request.AppName };
        }

        var (fork, branch) = RunIdentity.SplitKey(request.Branch);
        var pipeline = new PipelineRequest(request.Pipeline, app, branch)
        {
            Commit = request.Commit,
            Fork = fork,
            PullRequestUrl = Uri.TryCreate(request.PullRequestUrl, UriKind.Absolute, out var address) && address.Scheme is "http" or "https" ? address : null,
            RepositoryUrl = request.RepositoryUrl,
            Command = request.Command,
            BaseBranch = request.BaseBranch,
        };
        if (fork is null || request.PullRequest is not { } number)
        {
            return pipeline;
        }

        if (request.Trigger == RunTriggers.GitHub)
        {
            return pipeline with { FetchRef = $"refs/pull/{number.ToString(CultureInfo.InvariantCulture)}/head" };
        }

        return request.Repository is { } repository && ForkSource(app, repository, fork) is { } forkSource
            ? pipeline with { FetchRef = $"refs/heads/{branch}", FetchFrom = forkSource }
            : pipeline;
    }
}
