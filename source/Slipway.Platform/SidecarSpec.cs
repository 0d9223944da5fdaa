namespace Slipway.Platform;

/// <summary>
/// A service that runs beside a task or the playground for as long as it does (Redis, Memcached, Solr, a
/// headless browser): on the run's own network locally, as a further container of the same Fargate task on AWS.
/// The app finds it through <c>&lt;NAME&gt;_HOST</c> and <c>&lt;NAME&gt;_PORT</c>, whose values each platform sets.
/// </summary>
/// <param name="Name">Lower-case letters and digits: the host name locally, the container name on AWS, the variables' prefix.</param>
/// <param name="Image">An image reference the platform can run.</param>
/// <param name="Port">The port the service listens on.</param>
/// <param name="Environment">The service's own environment.</param>
/// <param name="ReadyCommand">Run inside the service (no shell) until it exits 0; null when started counts as ready.</param>
/// <param name="UrlVariable">Also hands the app <c>http://host:port</c> under this name (e.g. WEBDRIVER_URL).</param>
/// <param name="MemoryMiB">What the service is expected to need, reserved for it on AWS.</param>
public sealed record SidecarSpec(
    string Name,
    string Image,
    int Port,
    IReadOnlyDictionary<string, string>? Environment = null,
    IReadOnlyList<string>? ReadyCommand = null,
    string? UrlVariable = null,
    int MemoryMiB = 256)
{
    /// <summary>The variable the host name goes in: <c>REDIS_HOST</c> for a service named redis.</summary>
    public string HostVariable => $"{Name.ToUpperInvariant()}_HOST";

    /// <summary>The variable the port goes in: <c>REDIS_PORT</c> for a service named redis.</summary>
    public string PortVariable => $"{Name.ToUpperInvariant()}_PORT";
}
