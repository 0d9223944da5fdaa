namespace Slipway.Git.Releases;

/// <summary>Puts a planned release into git: an annotated tag on the exact commit, pushed to the app's remote.</summary>
public interface IReleaseTagger
{
    /// <summary>
    /// Creates the release tag on <see cref="ReleasePlan.Commit"/> (never on a branch head) with the
    /// release notes as its message, and pushes it (<c>refs/tags/vX.Y.Z</c>) to the remote. Safe to run
    /// again: steps already done are not repeated. In a dry run the same checks are made and nothing changes.
    /// </summary>
    /// <exception cref="ReleaseException">The tag already names another commit, locally or on the remote; or git refused.</exception>
    Task<ReleaseOutcome> ApplyAsync(ReleasePlan plan, ReleaseOptions options, CancellationToken cancellationToken);
}

/// <inheritdoc />
public sealed class ReleaseTagger(GitCli git) : IReleaseTagger
{
    /// <inheritdoc />
    public async Task<ReleaseOutcome> ApplyAsync(ReleasePlan plan, ReleaseOptions options, CancellationToken cancellationToken)
    {
        var localCommit = await new CommitLog(git, plan.Repository).ResolveAsync($"refs/tags/{plan.Tag}", cancellationToken);
        RefuseOtherCommit(plan, localCommit, "in this repository");
        var remoteCommit = options.Remote is null ? null : await RemoteTagCommitAsync(plan, options.Remote, cancellationToken);
        RefuseOtherCommit(plan, remoteCommit, $"on the remote {CredentialRedactor.Redact(options.Remote ?? string.Empty)}");

        var creation = localCommit is not null ? ReleaseStepState.AlreadyDone : Pending(options);
        var push = options.Remote is null ? ReleaseStepState.Skipped
            : remoteCommit is not null ? ReleaseStepState.AlreadyDone
            : Pending(options);

        if (creation == ReleaseStepState.Done)
        {
            await CreateTagAsync(plan, options.Tagger, cancellationToken);
        }

        if (push == ReleaseStepState.Done)
        {
            await PushTagAsync(plan, options.Remote!, cancellationToken);
        }

        var outcome = new ReleaseOutcome(plan, creation, push, string.Empty);
        return outcome with { Summary = ReleaseSummary.Of(outcome, options.Remote) };
    }

    private static ReleaseStepState Pending(ReleaseOptions options) =>
        options.DryRun ? ReleaseStepState.WouldDo : ReleaseStepState.Done;

    private static void RefuseOtherCommit(ReleasePlan plan, string? taggedCommit, string where)
    {
        if (taggedCommit is not null && taggedCommit != plan.Commit)
        {
            throw new ReleaseException(
                $"Tag {plan.Tag} already exists {where} on commit {taggedCommit[..7]}, not on {plan.ShortCommit}: release another version, or delete that tag if it was made by mistake.");
        }
    }

    private async Task<string?> RemoteTagCommitAsync(ReleasePlan plan, string remote, CancellationToken cancellationToken)
    {
        var result = await git.TryRunAsync(
            plan.Repository,
            // The "^{}" pattern is needed too: ls-remote matches patterns against whole name tails.
            ["ls-remote", "--tags", "--", remote, $"refs/tags/{plan.Tag}", $"refs/tags/{plan.Tag}^{{}}"],
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new ReleaseException(
                $"Cannot read the tags of the remote {CredentialRedactor.Redact(remote)}: {ReasonOf(result.StandardError)}; check that the remote exists and is reachable.");
        }

        string? direct = null;
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length != 2)
            {
                continue;
            }

            // An annotated tag is listed twice: the tag object, then "^{}" with the commit it names.
            if (fields[1] == $"refs/tags/{plan.Tag}^{{}}")
            {
                return fields[0];
            }

            if (fields[1] == $"refs/tags/{plan.Tag}")
            {
                direct = fields[0];
            }
        }

        return direct;
    }

    private async Task CreateTagAsync(ReleasePlan plan, GitIdentity? tagger, CancellationToken cancellationToken)
    {
        // git takes the tagger from the committer identity.
        var environment = tagger is null ? null : new Dictionary<string, string?>
        {
            ["GIT_COMMITTER_NAME"] = tagger.Name,
            ["GIT_COMMITTER_EMAIL"] = tagger.Email,
        };

        // verbatim: the default clean-up would drop the notes' Markdown headings as "# comment" lines.
        var result = await git.TryRunAsync(
            plan.Repository,
            ["tag", "--annotate", "--cleanup=verbatim", "--message", plan.Notes, plan.Tag, plan.Commit],
            cancellationToken,
            environment);
        if (result.Succeeded)
        {
            return;
        }

        if (result.StandardError.Contains("tell me who you are", StringComparison.OrdinalIgnoreCase)
            || result.StandardError.Contains("auto-detect email", StringComparison.OrdinalIgnoreCase)
            || result.StandardError.Contains("empty ident", StringComparison.OrdinalIgnoreCase))
        {
            throw new ReleaseException(
                $"Cannot create tag {plan.Tag}: git does not know who is tagging; set git's user.name and user.email, or give a tagger identity.");
        }

        throw new ReleaseException($"Cannot create tag {plan.Tag} on {plan.ShortCommit}: {ReasonOf(result.StandardError)}.");
    }

    private async Task PushTagAsync(ReleasePlan plan, string remote, CancellationToken cancellationToken)
    {
        var result = await git.TryRunAsync(plan.Repository, ["push", "--quiet", "--", remote, $"refs/tags/{plan.Tag}"], cancellationToken);
        if (!result.Succeeded)
        {
            throw new ReleaseException(
                $"Tag {plan.Tag} was created on {plan.ShortCommit} but pushing it to {CredentialRedactor.Redact(remote)} failed: {ReasonOf(result.StandardError)}; run the release again to push it.");
        }
    }

    private static string ReasonOf(string standardError) => GitCommandException.ReasonIn(standardError) ?? "git gave no reason";
}
