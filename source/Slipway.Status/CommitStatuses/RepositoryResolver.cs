namespace Slipway.Status.CommitStatuses;

/// <summary>
/// Decides which repository a run's statuses go to: the run's remote, unless the settings name the
/// provider (<c>VcsProvider</c>) or the repository (<c>Repository</c>, "owner/name") outright.
/// </summary>
internal sealed class RepositoryResolver(VcsProvider? providerOverride, string? repositoryOverride)
{
    public RepositoryCoordinates Resolve(RunStatus status)
    {
        RemoteUrlParser.TryParse(status.RepositoryUrl, providerOverride, out var fromRemote);
        if (string.IsNullOrWhiteSpace(repositoryOverride))
        {
            return fromRemote ?? throw new StatusReportingException(Unresolved(status));
        }

        var parts = repositoryOverride.Trim().Trim('/').Split('/');
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new StatusReportingException(
                $"The Repository setting '{repositoryOverride}' should read owner/name (GitHub) or workspace/slug (Bitbucket).");
        }

        var provider = providerOverride ?? fromRemote?.Provider ?? throw new StatusReportingException(
            $"Commit statuses for {repositoryOverride} are not posted: set VcsProvider to GitHub or Bitbucket.");
        var host = fromRemote is not null && fromRemote.Provider == provider ? fromRemote.Host : DefaultHost(provider);
        return new RepositoryCoordinates(provider, host, parts[0], parts[1]);
    }

    private static string DefaultHost(VcsProvider provider) =>
        provider == VcsProvider.GitHub ? "github.com" : "bitbucket.org";

    private static string Unresolved(RunStatus status) => string.IsNullOrWhiteSpace(status.RepositoryUrl)
        ? "Commit statuses are not posted: the app has no git remote; set Repository and VcsProvider to post them."
        : $"Commit statuses are not posted: the remote {RemoteUrlParser.Redact(status.RepositoryUrl)} is not a " +
          "GitHub or Bitbucket repository address; set VcsProvider and Repository to post them.";
}
