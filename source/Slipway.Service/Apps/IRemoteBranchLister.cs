namespace Slipway.Service.Apps;

/// <summary>Lists the branches of an app's remote, for the form's drop-down.</summary>
public interface IRemoteBranchLister
{
    /// <summary>The branch names, sorted; empty for a source that has no branches (a plain folder).</summary>
    /// <exception cref="BranchListingException">The remote could not be read (the message says why, without credentials).</exception>
    Task<IReadOnlyList<string>> ListAsync(string source, CancellationToken cancellationToken);
}

/// <summary>The branches of a remote could not be listed.</summary>
public sealed class BranchListingException(string message) : Exception(message);
