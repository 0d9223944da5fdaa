using System.Collections.Concurrent;
using Slipway.Service.Queue;
using Slipway.Service.Web;

namespace Slipway.Service.Webhooks;

/// <summary>
/// The fork pull requests waiting for someone with the service token to trust them on the forks page, each at the
/// head commit its last delivery named. Trust is for that commit only: a push to the fork replaces the entry, and a
/// trust given for an older commit is refused. Kept in memory: after a restart the fork's next push, reopen or label
/// lists it again.
/// </summary>
public sealed class ForkTrustWaitlist(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Repository, int Number), WaitingFork> _waiting = new();

    /// <summary>The fork pull requests waiting, oldest first.</summary>
    public IReadOnlyList<WaitingFork> All => _waiting.Values.OrderBy(waiting => waiting.Since).ToList();

    /// <summary>Lists (or moves to its new commit) the pull request whose run <paramref name="request"/> would be.</summary>
    public void Wait(RunRequest request)
    {
        if (KeyOf(request) is { } key)
        {
            _waiting[key] = new WaitingFork(request, clock.GetUtcNow());
        }
    }

    /// <summary>Takes the pull request off the list: it was trusted another way (a label, an approval) or closed.</summary>
    public void Settle(RunRequest request)
    {
        if (KeyOf(request) is { } key)
        {
            _waiting.TryRemove(key, out _);
        }
    }

    /// <summary>The run of the waiting pull request, trusted at <paramref name="commit"/>, taken off the list.</summary>
    /// <exception cref="RunRequestException">No such pull request waits, or it has a newer commit than the one trusted.</exception>
    public RunRequest Trust(string? repository, string? number, string? commit)
    {
        if (repository is null || !int.TryParse(number, out var pullRequest) || !_waiting.TryGetValue((repository, pullRequest), out var waiting))
        {
            throw new RunRequestException($"No fork pull request #{number} of {repository} waits for trust: see the forks page for those that do.");
        }

        if (!string.Equals(waiting.Request.Commit, commit, StringComparison.OrdinalIgnoreCase))
        {
            throw new RunRequestException(
                $"Pull request #{pullRequest} of {repository} has a newer commit ({waiting.Request.Commit}) than the one you trusted: look at it, then trust it on the forks page.");
        }

        _waiting.TryRemove(new KeyValuePair<(string, int), WaitingFork>((repository, pullRequest), waiting));

        // Trusting the same commit twice (a double click) queues one run.
        return waiting.Request with { DeliveryId = $"trust:{repository}#{pullRequest}:{waiting.Request.Commit}" };
    }

    private static (string, int)? KeyOf(RunRequest request) =>
        request is { Repository: { } repository, PullRequest: { } number } ? (repository, number) : null;
}

/// <summary>A fork's pull request waiting for trust: the run it gets once trusted, and since when it waits.</summary>
public sealed record WaitingFork(RunRequest Request, DateTimeOffset Since);
