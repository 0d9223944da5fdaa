using NuGet.Versioning;

namespace Slipway.Git.Releases;

/// <summary>Works out the next release of a commit: version, notes, and whether it is already released.</summary>
public interface IReleasePlanner
{
    /// <summary>
    /// Plans the release of <paramref name="commit"/> in <paramref name="repository"/>, changing nothing.
    /// A commit that already carries a release tag is planned as that release (nothing to do).
    /// </summary>
    /// <exception cref="ReleaseException">The commit is unknown, or the request cannot be met.</exception>
    Task<ReleasePlan> PlanAsync(string repository, string commit, VersionRequest request, CancellationToken cancellationToken);
}

/// <inheritdoc />
public sealed class ReleasePlanner(GitCli git) : IReleasePlanner
{
    /// <inheritdoc />
    public async Task<ReleasePlan> PlanAsync(string repository, string commit, VersionRequest request, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(repository))
        {
            throw new ReleaseException($"The repository folder '{repository}' does not exist: release from the folder the app was checked out into.");
        }

        try
        {
            return await PlanInRepositoryAsync(repository, commit, request, cancellationToken);
        }
        catch (GitCommandException exception)
        {
            throw new ReleaseException($"Cannot read the git repository '{repository}': {exception.Reason}.", exception);
        }
    }

    private async Task<ReleasePlan> PlanInRepositoryAsync(string repository, string commit, VersionRequest request, CancellationToken cancellationToken)
    {
        var log = new CommitLog(git, repository);
        if (!await log.IsRepositoryAsync(cancellationToken))
        {
            throw new ReleaseException($"'{repository}' is not a git repository: a release needs a git source (a plain folder cannot be tagged).");
        }

        var sha = await log.ResolveAsync(commit, cancellationToken)
            ?? throw new ReleaseException($"Commit '{commit}' does not exist in '{repository}': release a commit that was checked out there.");
        var onCommit = VersionTag.ReleasesAmong(await log.TagsOnAsync(sha, cancellationToken));
        var earlier = VersionTag.ReleasesAmong(await log.TagsReachableFromAsync(sha, cancellationToken))
            .Where(version => !onCommit.Contains(version))
            .ToList();
        var previous = earlier.FirstOrDefault();
        var commits = await log.CommitsAsync(previous is null ? null : $"refs/tags/{VersionTag.NameOf(previous)}", sha, cancellationToken);

        SemanticVersion version;
        if (onCommit.Count > 0)
        {
            version = request.Explicit ?? onCommit[0];
            if (!onCommit.Contains(version))
            {
                throw new ReleaseException(
                    $"Commit {sha[..7]} is already released as {VersionTag.NameOf(onCommit[0])}: it cannot also become {VersionTag.NameOf(version)}; release a newer commit instead.");
            }
        }
        else
        {
            version = VersionCalculator.Next(previous, request, commits);
        }

        var notes = ReleaseNotesWriter.Write(version, previous, commits);
        return new ReleasePlan(repository, sha, previous, version, commits, notes, AlreadyReleased: onCommit.Count > 0);
    }
}
