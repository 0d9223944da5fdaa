namespace Slipway.Data.Servers;

/// <summary>
/// A database given as <c>mysql://user:password@host:port/name</c> (also <c>mariadb://</c>), the form
/// Drupal and most PHP frameworks read from <c>DATABASE_URL</c>.
/// </summary>
public sealed record DatabaseUrl(DatabaseEndpoint Endpoint, string Database)
{
    /// <summary>The default MySQL/MariaDB port.</summary>
    public const int DefaultPort = 3306;

    /// <summary>Reads a URL; the error names the mistake but never repeats the password.</summary>
    /// <param name="text">The URL.</param>
    /// <param name="what">What the URL is for, e.g. "--source-database-url", to name it in errors.</param>
    /// <exception cref="DataException">The text is not a mysql:// URL with a user and a database.</exception>
    public static DatabaseUrl Parse(string text, string what)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("mysql" or "mariadb"))
        {
            throw new DataException($"{what} is not a database URL: give it as mysql://user:password@host:port/database.");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        var userInfo = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(userInfo[0]);
        if (user.Length == 0 || database.Length == 0)
        {
            throw new DataException($"{what} names no {(user.Length == 0 ? "user" : "database")}: give it as mysql://user:password@host:port/database.");
        }

        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port;
        return new DatabaseUrl(new DatabaseEndpoint(uri.Host, port, user, password), database);
    }

    /// <summary>The URL with its password, for the app's <c>DATABASE_URL</c> only.</summary>
    public string ToSecretString() =>
        $"mysql://{Uri.EscapeDataString(Endpoint.User)}:{Uri.EscapeDataString(Endpoint.Password)}@{Endpoint.Host}:{Endpoint.Port}/{Uri.EscapeDataString(Database)}";

    /// <summary>The URL without its password.</summary>
    public override string ToString() => $"mysql://{Endpoint.User}@{Endpoint.Address}/{Database}";
}
