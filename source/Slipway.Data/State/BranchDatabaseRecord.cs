namespace Slipway.Data.State;

/// <summary>A branch database Slipway created, as the state store keeps it (never its password).</summary>
/// <param name="Server">The server's address (host:port), so a changed server is noticed.</param>
/// <param name="SourceDump">The dump it was made from (app/name), or null when created empty.</param>
public sealed record BranchDatabaseRecord(
    string App,
    string Branch,
    string Database,
    string User,
    string Server,
    string? SourceDump,
    DateTimeOffset CreatedAt);
