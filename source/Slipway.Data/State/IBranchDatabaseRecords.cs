namespace Slipway.Data.State;

/// <summary>The branch databases Slipway created: what Teardown drops is found here, never guessed.</summary>
public interface IBranchDatabaseRecords
{
    Task SaveAsync(BranchDatabaseRecord record, CancellationToken cancellationToken);

    Task<BranchDatabaseRecord?> FindAsync(string app, string branch, CancellationToken cancellationToken);

    /// <summary>Every record of <paramref name="app"/>, or of every app when null.</summary>
    Task<IReadOnlyList<BranchDatabaseRecord>> ListAsync(string? app, CancellationToken cancellationToken);

    Task RemoveAsync(string app, string branch, CancellationToken cancellationToken);
}
