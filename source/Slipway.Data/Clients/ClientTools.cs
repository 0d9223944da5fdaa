namespace Slipway.Data.Clients;

/// <summary>
/// The mysql client programs on this machine: MariaDB's names (<c>mariadb</c>, <c>mariadb-dump</c>)
/// first, the MySQL ones as a fallback. Install them with Debian's <c>mariadb-client</c>.
/// </summary>
internal static class ClientTools
{
    public static string Client => Find("mariadb", "mysql");

    public static string Dump => Find("mariadb-dump", "mysqldump");

    private static string Find(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
        {
            foreach (var folder in folders)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DataException($"Neither {string.Join(" nor ", names)} is installed: install the mysql client tools (Debian: apt-get install mariadb-client).");
    }
}
