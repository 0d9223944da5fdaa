using Slipway.Data.Servers;

namespace Slipway.Data.Branches;

/// <summary>
/// A database on the shared server and the account the app uses for it: what hooks, the test task and
/// the playground are given. The password is fresh for every run that asks for it.
/// </summary>
/// <param name="Url">The database and its own user's account.</param>
/// <param name="SourceDump">The dump it was made from, or null when it was created empty.</param>
public sealed record BranchDatabase(DatabaseUrl Url, string? SourceDump)
{
    /// <summary>
    /// The variables the app reads: <c>DATABASE_URL</c> (Drupal 8+ settings, most PHP frameworks) and
    /// <c>DB_HOST</c>, <c>DB_PORT</c>, <c>DB_NAME</c>, <c>DB_USER</c>, <c>DB_PASSWORD</c> (a Drupal 7
    /// <c>$databases</c> array): <see cref="Settings"/> and <see cref="Secrets"/> together.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment(string? hostAsSeenByApp = null, int? portAsSeenByApp = null) =>
        Settings(hostAsSeenByApp, portAsSeenByApp).Concat(Secrets(hostAsSeenByApp, portAsSeenByApp)).ToDictionary();

    /// <summary><c>DB_HOST</c>, <c>DB_PORT</c>, <c>DB_NAME</c>, <c>DB_USER</c>: nothing that opens the database alone.</summary>
    public IReadOnlyDictionary<string, string> Settings(string? hostAsSeenByApp = null, int? portAsSeenByApp = null) => new Dictionary<string, string>
    {
        ["DB_HOST"] = hostAsSeenByApp ?? Url.Endpoint.Host,
        ["DB_PORT"] = (portAsSeenByApp ?? Url.Endpoint.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DB_NAME"] = Url.Database,
        ["DB_USER"] = Url.Endpoint.User,
    };

    /// <summary><c>DATABASE_URL</c> and <c>DB_PASSWORD</c>: what holds the password, handed to tasks as secrets.</summary>
    public IReadOnlyDictionary<string, string> Secrets(string? hostAsSeenByApp = null, int? portAsSeenByApp = null) => new Dictionary<string, string>
    {
        ["DATABASE_URL"] = (Url with { Endpoint = Url.Endpoint with { Host = hostAsSeenByApp ?? Url.Endpoint.Host, Port = portAsSeenByApp ?? Url.Endpoint.Port } }).ToSecretString(),
        ["DB_PASSWORD"] = Url.Endpoint.Password,
    };

    public override string ToString() => Url.ToString();
}
