using Slipway.Data.Servers;

namespace Slipway.Data.Clients;

/// <summary>
/// A <c>[client]</c> options file, readable by its owner only, that gives the mysql client tools the
/// account: the password never appears on a command line (the process list) or in the environment.
/// Deleted when disposed.
/// </summary>
internal sealed class ClientOptionsFile : IDisposable
{
    private ClientOptionsFile(string path) => Path = path;

    /// <summary>The file, for <c>--defaults-extra-file</c>.</summary>
    public string Path { get; }

    public static ClientOptionsFile Write(DatabaseEndpoint endpoint)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"slipway-client-{Guid.NewGuid():N}.cnf");
        // Created with 0600 before a byte is written, so no other user can read it at any moment.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write($"""
                [client]
                host={endpoint.Host}
                port={endpoint.Port}
                user={Quote(endpoint.User)}
                password={Quote(endpoint.Password)}
                protocol=TCP

                """);
        }

        return new ClientOptionsFile(path);
    }

    public void Dispose() => File.Delete(Path);

    // Option files take double-quoted values with backslash escapes.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
