using System.Globalization;
using System.Text.Json.Nodes;

namespace Slipway.Docker.Engine;

/// <summary>Writes a <see cref="ContainerCreateRequest"/> as the engine's create body.</summary>
internal static class ContainerCreateBody
{
    public static JsonObject From(ContainerCreateRequest request)
    {
        var exposedPorts = new JsonObject();
        var portBindings = new JsonObject();
        foreach (var port in request.Ports)
        {
            var key = $"{port.ContainerPort.ToString(CultureInfo.InvariantCulture)}/{port.Protocol}";
            exposedPorts[key] = new JsonObject();
            var hostPort = port.HostPort == 0 ? string.Empty : port.HostPort.ToString(CultureInfo.InvariantCulture);
            portBindings[key] = new JsonArray(new JsonObject { ["HostIp"] = port.HostAddress, ["HostPort"] = hostPort });
        }

        var mounts = new JsonArray();
        foreach (var mount in request.Mounts)
        {
            mounts.Add(new JsonObject
            {
                ["Type"] = "bind",
                ["Source"] = mount.HostPath,
                ["Target"] = mount.ContainerPath,
                ["ReadOnly"] = mount.ReadOnly,
            });
        }

        var body = new JsonObject
        {
            ["Image"] = request.Image,
            ["Labels"] = DockerClient.ToJsonObject(request.Labels),
            ["Env"] = new JsonArray(request.Environment.Select(pair => (JsonNode?)JsonValue.Create($"{pair.Key}={pair.Value}")).ToArray()),
            ["Tty"] = request.Tty,
            ["AttachStdin"] = false,
            ["AttachStdout"] = false,
            ["AttachStderr"] = false,
            ["ExposedPorts"] = exposedPorts,
            ["HostConfig"] = new JsonObject
            {
                ["PortBindings"] = portBindings,
                ["Mounts"] = mounts,
                ["AutoRemove"] = false,
                ["RestartPolicy"] = new JsonObject { ["Name"] = request.RestartPolicy },
            },
        };
        if (request.Command is not null)
        {
            body["Cmd"] = Strings(request.Command);
        }

        if (request.Entrypoint is not null)
        {
            body["Entrypoint"] = Strings(request.Entrypoint);
        }

        if (request.WorkingDirectory is not null)
        {
            body["WorkingDir"] = request.WorkingDirectory;
        }

        if (request.User is not null)
        {
            body["User"] = request.User;
        }

        return body;
    }

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(value => (JsonNode?)JsonValue.Create(value)).ToArray());
}
