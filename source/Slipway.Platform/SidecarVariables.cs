using System.Globalization;

namespace Slipway.Platform;

/// <summary>
/// The variables that tell the app where its services are. Names are the same on every platform; the host
/// differs (the service's name on the run's Docker network, localhost inside a Fargate task).
/// </summary>
public static class SidecarVariables
{
    /// <summary>
    /// The name the services reach the task's own container by: a browser service loads the app the task
    /// serves from <c>http://$SLIPWAY_TASK_HOST:port/</c>.
    /// </summary>
    public const string TaskHost = "SLIPWAY_TASK_HOST";

    /// <summary>
    /// <paramref name="environment"/> with <c>&lt;NAME&gt;_HOST</c>, <c>&lt;NAME&gt;_PORT</c> (and the URL variables) of
    /// every service added; values the task already sets are kept.
    /// </summary>
    public static Dictionary<string, string> Add(
        IReadOnlyDictionary<string, string>? environment,
        IReadOnlyList<SidecarSpec> sidecars,
        Func<SidecarSpec, string> hostOf,
        string taskHost)
    {
        var added = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        if (sidecars.Count == 0)
        {
            return added;
        }

        added.TryAdd(TaskHost, taskHost);
        foreach (var sidecar in sidecars)
        {
            var host = hostOf(sidecar);
            var port = sidecar.Port.ToString(CultureInfo.InvariantCulture);
            added.TryAdd(sidecar.HostVariable, host);
            added.TryAdd(sidecar.PortVariable, port);
            if (sidecar.UrlVariable is { } url)
            {
                added.TryAdd(url, $"http://{host}:{port}");
            }
        }

        return added;
    }
}
