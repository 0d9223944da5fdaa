using System.Text;
using System.Text.Json;
using Slipway.Platform;

namespace Slipway.Docker.Engine;

/// <summary>
/// The Docker CLI's config.json, read for the registry credentials <c>docker login</c> stored in
/// <c>auths.&lt;host&gt;.auth</c> (credential helpers are not consulted).
/// </summary>
public sealed class DockerConfigFile(string path)
{
    /// <summary>The file's path; it need not exist.</summary>
    public string Path { get; } = path;

    /// <summary>$DOCKER_CONFIG/config.json, or ~/.docker/config.json.</summary>
    public static DockerConfigFile ForCurrentUser()
    {
        var folder = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        if (string.IsNullOrWhiteSpace(folder))
        {
            folder = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        }

        return new DockerConfigFile(System.IO.Path.Combine(folder, "config.json"));
    }

    /// <summary>The stored credentials for <paramref name="registry"/> (host[:port]), or null when there are none.</summary>
    public RegistryCredentials? FindCredentials(string registry)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(Path));
        }
        catch (JsonException)
        {
            throw new DockerException($"The Docker config file {Path} is not valid JSON: fix it or remove it.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("auths", out var auths)
                || auths.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var entry in auths.EnumerateObject())
            {
                if (!string.Equals(HostOf(entry.Name), HostOf(registry), StringComparison.OrdinalIgnoreCase)
                    || entry.Value.ValueKind != JsonValueKind.Object
                    || !entry.Value.TryGetProperty("auth", out var authValue)
                    || authValue.ValueKind != JsonValueKind.String
                    || authValue.GetString() is not { Length: > 0 } auth)
                {
                    continue;
                }

                return Decode(auth, registry)
                    ?? throw new DockerException($"The stored credentials for {registry} in {Path} cannot be read: log in to the registry again.");
            }
        }

        return null;
    }

    private static RegistryCredentials? Decode(string auth, string registry)
    {
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon <= 0 ? null : new RegistryCredentials(pair[..colon], pair[(colon + 1)..], registry);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>"https://host:5000/v1/" and "host:5000" both name host:5000.</summary>
    private static string HostOf(string address)
    {
        var host = address;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? host[..slash] : host;
    }
}
