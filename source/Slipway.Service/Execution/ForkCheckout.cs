using System.Globalization;
using Slipway.Pipeline.Naming;
using Slipway.Service.Queue;

namespace Slipway.Service.Execution;

/// <summary>
/// How a run's code is fetched, as pipeline options: the app's own branch, or a fork's pull request — on GitHub the
/// base repository's <c>refs/pull/&lt;n&gt;/head</c>, on Bitbucket (which keeps no such ref) the fork's branch from the
/// fork's repository, whose address is the configured source's with the fork's full name in place of the
/// repository's. A payload's clone URL is never used.
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

    /// <summary>
    /// The <c>--branch</c> option and, for a fork's run, <c>--fork</c>, <c>--fetch-ref</c> and <c>--fetch-from</c>, as
    /// <c>name=value</c> words (a value is never read as an option of its own).
    /// </summary>
    public static IReadOnlyList<string> Arguments(RunRequest request, string app)
    {
        var (fork, branch) = RunIdentity.SplitKey(request.Branch);
        if (fork is null)
        {
            return [$"--branch={branch}"];
        }

        var arguments = new List<string> { $"--branch={branch}", $"--fork={fork}" };
        if (request.Pipeline == PipelineNames.Teardown || request.PullRequest is not { } number)
        {
            return arguments;
        }

        if (request.Trigger == RunTriggers.GitHub)
        {
            arguments.Add($"--fetch-ref=refs/pull/{number.ToString(CultureInfo.InvariantCulture)}/head");
        }
        else if (request.Repository is { } repository && ForkSource(app, repository, fork) is { } forkSource)
        {
            arguments.Add($"--fetch-ref=refs/heads/{branch}");
            arguments.Add($"--fetch-from={forkSource}");
        }

        return arguments;
    }
}
