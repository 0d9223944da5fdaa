using Slipway.Pipeline.Naming;

namespace Slipway.Pipeline.Running;

/// <summary>
/// A database of its own for each branch, when a database server is configured (see docs/data.md): made before the
/// build's hooks run, dropped with the branch's teardown. The composition hands the runner one; none means branches
/// share the development database.
/// </summary>
public interface IBranchDatabases
{
    /// <summary>Makes (or keeps) the branch's database; returns what the app's hooks, tests and playground get.</summary>
    Task<BranchDatabaseAccess> EnsureAsync(RunIdentity identity, CancellationToken cancellationToken);

    /// <summary>Drops the branch's recorded database (<paramref name="branchKey"/> as Slipway keys it), or every one of the app's when null; returns how many went.</summary>
    Task<int> DropAsync(string app, string? branchKey, CancellationToken cancellationToken);
}
