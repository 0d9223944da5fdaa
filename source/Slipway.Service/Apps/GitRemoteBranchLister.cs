using Slipway.Git;
using Slipway.Git.Checkout;

namespace Slipway.Service.Apps;

/// <summary>
/// <c>git ls-remote --heads &lt;source&gt;</c>, as the rest of Slipway uses the git CLI. Answers are kept for a short
/// while so that reloading the form does not ask the remote every time.
/// </summary>
public sealed class GitRemoteBranchLister(GitCli git, string rootDirectory, TimeProvider clock) : IRemoteBranchLister
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const string HeadsPrefix = "refs/heads/";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<string> Branches)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>> ListAsync(string source, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cache.TryGetValue(source, out var cached) && clock.GetUtcNow() - cached.At < KeepFor)
            {
                return cached.Branches;
            }
        }

        AppSource resolved;
        try
        {
            resolved = AppSource.Resolve(source, null, null, rootDirectory);
        }
        catch (CheckoutException exception)
        {
            throw new BranchListingException(exception.Message);
        }

        if (!resolved.IsGit)
        {
            return [];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        string output;
        try
        {
            output = await git.RunAsync(rootDirectory, ["ls-remote", "--heads", "--", resolved.Location], timeout.Token);
        }
        catch (GitCommandException exception)
        {
            throw new BranchListingException($"The branches of {resolved.DisplayLocation} could not be listed: {exception.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BranchListingException($"Listing the branches of {resolved.DisplayLocation} took more than {Timeout.TotalSeconds:0} s.");
        }

        var branches = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && parts[1].StartsWith(HeadsPrefix, StringComparison.Ordinal))
            .Select(parts => parts[1][HeadsPrefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
        lock (_gate)
        {
            _cache[source] = (clock.GetUtcNow(), branches);
        }

        return branches;
    }
}
