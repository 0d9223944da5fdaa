namespace Slipway.Pipeline.Running;

/// <summary>What the app's hooks, tests and playground get for the branch's database.</summary>
/// <param name="Environment">Plain variables: <c>DB_HOST</c>, <c>DB_PORT</c>, <c>DB_NAME</c>, <c>DB_USER</c>.</param>
/// <param name="Secrets">What opens the database (<c>DATABASE_URL</c>, <c>DB_PASSWORD</c>): handed to tasks as files, never as environment.</param>
public sealed record BranchDatabaseAccess(IReadOnlyDictionary<string, string> Environment, IReadOnlyDictionary<string, string> Secrets)
{
    /// <summary>A run without a branch database: nothing to add.</summary>
    public static BranchDatabaseAccess None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());
}
