using System.Globalization;
using System.Text.Json;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>Creates a container (not started) and returns its id.</summary>
    /// <exception cref="DockerException">No such image, or the name is in use (<see cref="DockerException.IsConflict"/>).</exception>
    public async Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("name", request.Name);
        var json = await SendForJsonAsync(HttpMethod.Post, "/containers/create", cancellationToken, query, ContainerCreateBody.From(request));
        return json.String("Id") ?? throw new DockerException("The Docker engine created a container without returning its id.");
    }

    /// <summary>Starts a created or stopped container; starting a running one does nothing.</summary>
    public Task StartContainerAsync(string container, CancellationToken cancellationToken) =>
        SendAndForgetAsync(HttpMethod.Post, $"/containers/{EscapePath(container)}/start", cancellationToken);

    /// <summary>Waits for <paramref name="condition"/> and returns the container's exit code.</summary>
    public async Task<int> WaitContainerAsync(string container, WaitCondition condition, CancellationToken cancellationToken)
    {
        var conditionName = condition switch
        {
            WaitCondition.NextExit => "next-exit",
            WaitCondition.Removed => "removed",
            _ => "not-running",
        };
        var query = new QueryString().Add("condition", conditionName);
        var json = await SendForJsonAsync(HttpMethod.Post, $"/containers/{EscapePath(container)}/wait", cancellationToken, query);
        if (json.Property("Error") is { } error && error.String("Message") is { Length: > 0 } message)
        {
            throw new DockerException(EngineMessage.Tidy(message));
        }

        return (int)json.Int64("StatusCode");
    }

    /// <summary>
    /// Stops a container: SIGTERM, then SIGKILL after <paramref name="timeout"/>. Stopping a stopped container does nothing.
    /// </summary>
    public Task StopContainerAsync(string container, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Ceiling(Math.Max(0, timeout.TotalSeconds));
        return SendAndForgetAsync(HttpMethod.Post, $"/containers/{EscapePath(container)}/stop", cancellationToken, new QueryString().Add("t", seconds));
    }

    /// <summary>Removes a container.</summary>
    /// <param name="force">Kill it first when it runs.</param>
    /// <param name="removeVolumes">Also remove its anonymous volumes.</param>
    public Task RemoveContainerAsync(string container, bool force, bool removeVolumes, CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("force", force).Add("v", removeVolumes);
        return SendAndForgetAsync(HttpMethod.Delete, $"/containers/{EscapePath(container)}", cancellationToken, query);
    }

    /// <summary>Describes a container: its state, labels and published ports.</summary>
    /// <exception cref="DockerException">No such container (<see cref="DockerException.IsNotFound"/>).</exception>
    public async Task<ContainerDetails> InspectContainerAsync(string container, CancellationToken cancellationToken)
    {
        var json = await SendForJsonAsync(HttpMethod.Get, $"/containers/{EscapePath(container)}/json", cancellationToken);
        var config = json.Property("Config") ?? default;
        var state = json.Property("State") ?? default;
        return new ContainerDetails(
            json.String("Id") ?? container,
            (json.String("Name") ?? string.Empty).TrimStart('/'),
            json.String("Image") ?? string.Empty,
            config.StringMap("Labels"),
            config.Boolean("Tty"),
            new ContainerState(
                state.String("Status") ?? "unknown",
                state.Boolean("Running"),
                (int)state.Int64("ExitCode"),
                state.Boolean("OOMKilled"),
                state.String("Error") is { Length: > 0 } error ? error : null),
            PublishedPorts(json.Property("NetworkSettings") ?? default),
            ((json.Property("HostConfig") ?? default).Property("RestartPolicy") ?? default).String("Name") ?? "no");
    }

    /// <summary>Containers in any state carrying all of <paramref name="labels"/> (an empty value matches any value).</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(
        IReadOnlyDictionary<string, string>? labels,
        CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("all", true).Add("filters", LabelFilter.ToFilters(labels));
        var json = await SendForJsonAsync(HttpMethod.Get, "/containers/json", cancellationToken, query);
        return json.ValueKind != JsonValueKind.Array
            ? []
            : json.EnumerateArray()
                .Select(container => new ContainerSummary(
                    container.String("Id") ?? string.Empty,
                    container.Strings("Names").Select(name => name.TrimStart('/')).ToList(),
                    container.String("Image") ?? string.Empty,
                    container.String("State") ?? "unknown",
                    container.String("Status") ?? string.Empty,
                    container.StringMap("Labels")))
                .ToList();
    }

    private static List<PublishedPort> PublishedPorts(JsonElement networkSettings)
    {
        var published = new List<PublishedPort>();
        if (networkSettings.Property("Ports") is not { ValueKind: JsonValueKind.Object } ports)
        {
            return published;
        }

        foreach (var port in ports.EnumerateObject())
        {
            var parts = port.Name.Split('/');
            if (port.Value.ValueKind != JsonValueKind.Array || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var containerPort))
            {
                continue;
            }

            var protocol = parts.Length > 1 ? parts[1] : "tcp";
            foreach (var binding in port.Value.EnumerateArray())
            {
                if (int.TryParse(binding.String("HostPort"), CultureInfo.InvariantCulture, out var hostPort))
                {
                    published.Add(new PublishedPort(containerPort, protocol, binding.String("HostIp") ?? string.Empty, hostPort));
                }
            }
        }

        return published;
    }
}
