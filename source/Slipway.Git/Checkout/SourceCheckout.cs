namespace Slipway.Git.Checkout;

/// <summary>Puts the app's source into a work folder that persists between runs.</summary>
public interface ISourceCheckout
{
    /// <summary>
    /// Checks the source out into <paramref name="workFolder"/> (created when missing). Git sources are
    /// cloned once, then fetched, and checked out detached at the exact commit; a plain folder is
    /// mirrored in. Build outputs (vendor/, node_modules/, dist/) already in the work folder are kept.
    /// </summary>
    /// <exception cref="CheckoutException">The branch, commit or URL is wrong or out of reach.</exception>
    Task<CheckoutResult> CheckOutAsync(AppSource source, string workFolder, CancellationToken cancellationToken);
}

/// <inheritdoc />
public sealed class SourceCheckout(GitCli git) : ISourceCheckout
{
    /// <inheritdoc />
    public async Task<CheckoutResult> CheckOutAsync(AppSource source, string workFolder, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(workFolder);
        if (File.Exists(target))
        {
            throw new CheckoutException($"The work folder '{target}' is a file: remove it or choose another work folder.");
        }

        Directory.CreateDirectory(target);
        if (source.IsGit)
        {
            return await new GitWorkFolder(git, source, target).CheckOutAsync(cancellationToken);
        }

        // A source inside the work folder would be mirrored into itself; the reverse is fine (the mirror skips the work folder).
        if (IsSameOrInside(source.Location, target))
        {
            throw new CheckoutException($"The app folder '{source.Location}' lies inside the work folder '{target}': choose a work folder outside the app.");
        }

        return await Task.Run(
            () =>
            {
                FolderMirror.Mirror(source.Location, target, cancellationToken);
                var hash = FolderContentHash.Compute(source.Location, target, cancellationToken);
                return new CheckoutResult(hash, IsCommit: false, source.Branch ?? CheckoutResult.FolderBranch, RemoteUrl: null, target);
            },
            cancellationToken);
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return string.Equals(Path.TrimEndingDirectorySeparator(path), trimmed, StringComparison.Ordinal)
            || path.StartsWith(trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
