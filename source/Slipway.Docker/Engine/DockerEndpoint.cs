namespace Slipway.Docker.Engine;

/// <summary>
/// Where the Docker engine listens, as DOCKER_HOST spells it: a unix socket (<c>unix:///var/run/docker.sock</c>)
/// or a plain-HTTP TCP address (<c>tcp://127.0.0.1:2375</c>). TLS endpoints are not supported.
/// </summary>
public sealed class DockerEndpoint
{
    /// <summary>The socket the engine listens on when DOCKER_HOST is not set.</summary>
    public const string DefaultSocketPath = "/var/run/docker.sock";

    private const int DefaultTcpPort = 2375;

    private DockerEndpoint(string address, string? socketPath)
    {
        Address = address;
        SocketPath = socketPath;
        Uri = new Uri(address);
    }

    /// <summary>The engine on the default unix socket.</summary>
    public static DockerEndpoint Default { get; } = Unix(DefaultSocketPath);

    /// <summary>The address as a user would write it in DOCKER_HOST, used in messages.</summary>
    public string Address { get; }

    /// <summary>The unix socket path, or null for a TCP endpoint.</summary>
    public string? SocketPath { get; }

    /// <summary>The address as the Docker.DotNet library takes it.</summary>
    public Uri Uri { get; }

    /// <summary>An endpoint on a unix socket.</summary>
    public static DockerEndpoint Unix(string socketPath) =>
        new($"unix://{socketPath}", socketPath);

    /// <summary>Reads DOCKER_HOST from the process environment; the default socket when it is not set.</summary>
    public static DockerEndpoint FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads DOCKER_HOST through <paramref name="variable"/>; the default socket when it is not set.</summary>
    public static DockerEndpoint FromEnvironment(Func<string, string?> variable)
    {
        var dockerHost = variable("DOCKER_HOST");
        return string.IsNullOrWhiteSpace(dockerHost) ? Default : Parse(dockerHost.Trim());
    }

    /// <summary>Parses a DOCKER_HOST value.</summary>
    /// <exception cref="DockerException">The value is neither a unix:// nor a tcp:// address.</exception>
    public static DockerEndpoint Parse(string dockerHost)
    {
        if (dockerHost.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            var path = dockerHost["unix://".Length..];
            if (path.Length > 0 && path[0] == '/')
            {
                return Unix(path);
            }
        }
        else if (dockerHost.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate("http://" + dockerHost["tcp://".Length..].TrimEnd('/'), UriKind.Absolute, out var uri)
            && uri.AbsolutePath == "/")
        {
            var port = uri.IsDefaultPort ? DefaultTcpPort : uri.Port;
            return new DockerEndpoint($"tcp://{uri.Host}:{port}", null);
        }

        throw new DockerException(
            $"DOCKER_HOST '{dockerHost}' is not supported: use unix:///path/to/docker.sock or tcp://127.0.0.1:PORT.");
    }

    public override string ToString() => Address;
}
