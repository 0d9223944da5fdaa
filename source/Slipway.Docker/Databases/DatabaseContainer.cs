using System.Security.Cryptography;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Platform;

namespace Slipway.Docker.Databases;

/// <summary>
/// Slipway's own MariaDB server on the local engine, started on demand and kept: its data in a named volume, its port
/// published on 127.0.0.1 only, and a network of its own that the app's tasks join to reach it by name. Its root
/// password is made when the container is created and handed to it as a secret file, which is also where Slipway
/// reads it back: no copy of it lives on the host.
/// </summary>
public sealed class DatabaseContainer(DockerClient client, DatabaseContainerOptions? options = null)
{
    /// <summary>The value of <c>slipway:kind</c> on the server's container, volume and network.</summary>
    public const string Kind = "database-server";

    /// <summary>The secret both the offline and the official image read the root password from (<c>MARIADB_ROOT_PASSWORD_FILE</c>).</summary>
    private const string PasswordSecret = "MARIADB_ROOT_PASSWORD";

    private readonly DatabaseContainerOptions _options = options ?? new DatabaseContainerOptions();

    public DatabaseContainerOptions Options => _options;

    /// <summary>Starts the server when it is not running (creating it the first time) and says where it answers.</summary>
    /// <exception cref="DockerException">No MariaDB image, a foreign container or volume in the way, or the engine failed.</exception>
    public async Task<DatabaseContainerAddress> EnsureRunningAsync(CancellationToken cancellationToken)
    {
        var container = await FindAsync(cancellationToken) ?? await CreateAsync(cancellationToken);
        var details = await client.InspectContainerAsync(container, cancellationToken);
        if (!details.State.Running)
        {
            await EnsureNetworkAsync(container, cancellationToken);
            await client.StartContainerAsync(container, cancellationToken);
            details = await client.InspectContainerAsync(container, cancellationToken);
        }

        var hostPort = details.HostPort(DatabaseContainerAddress.PortForTasks)
            ?? throw new DockerException($"The database server {_options.Name} has no port on 127.0.0.1 (it stopped with exit code {details.State.ExitCode}): see `docker logs {_options.Name}`.");
        var password = await client.ReadFileFromContainerAsync(container, TaskSecrets.PathOf(PasswordSecret), cancellationToken)
            ?? throw new DockerException($"The database server {_options.Name} holds no admin password: remove it and its volume {_options.Volume} to start afresh.");
        return new DatabaseContainerAddress(hostPort, "root", password, _options.Name, _options.Network);
    }

    /// <summary>Removes the server's container and network, and its data volume when <paramref name="withData"/>.</summary>
    public async Task RemoveAsync(bool withData, CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is { } container)
        {
            await client.RemoveContainerAsync(container, force: true, removeVolumes: false, cancellationToken);
        }

        await client.RemoveNetworkAsync(_options.Network, cancellationToken);
        if (withData)
        {
            await client.RemoveVolumeAsync(_options.Volume, cancellationToken);
        }
    }

    // A stopped server whose network was removed would start without it, out of the tasks' reach.
    private async Task EnsureNetworkAsync(string container, CancellationToken cancellationToken)
    {
        if (await client.FindNetworkAsync(_options.Network, cancellationToken) is null)
        {
            await client.EnsureNetworkAsync(_options.Network, Labels(), cancellationToken);
            await client.ConnectNetworkAsync(_options.Network, container, [], cancellationToken);
        }
    }

    private async Task<string?> FindAsync(CancellationToken cancellationToken)
    {
        ContainerDetails details;
        try
        {
            details = await client.InspectContainerAsync(_options.Name, cancellationToken);
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            return null;
        }

        return details.Labels.GetValueOrDefault(Ownership.KindLabel) == Kind ? details.Id
            : throw new DockerException($"A container named {_options.Name} exists that Slipway did not make: rename or remove it, so that Slipway can run its database server under that name.");
    }

    private async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        if (await client.InspectVolumeAsync(_options.Volume, cancellationToken) is { } volumeLabels)
        {
            // The root password lived in the container: a new one cannot open the old data.
            throw new DockerException(volumeLabels.GetValueOrDefault(Ownership.KindLabel) == Kind
                ? $"The data volume {_options.Volume} of Slipway's database server is there but its container {_options.Name} is gone, and with it the admin password: remove the volume (docker volume rm {_options.Volume}; branch databases are made again from the latest dump) and run again."
                : $"A volume named {_options.Volume} exists that Slipway did not make: rename or remove it.");
        }

        var image = await ChooseImageAsync(cancellationToken);
        await client.EnsureNetworkAsync(_options.Network, Labels(), cancellationToken);
        await client.CreateVolumeAsync(_options.Volume, Labels(), cancellationToken);
        var secrets = new Dictionary<string, string> { [PasswordSecret] = NewPassword() };
        var request = new ContainerCreateRequest(image)
        {
            Name = _options.Name,
            Labels = Labels(),
            // The official image's own variables; the offline image's start script reads the same.
            Environment = ContainerSecrets.Environment(new Dictionary<string, string> { ["MARIADB_ROOT_HOST"] = "%" }, secrets),
            Ports = [new PortBinding(DatabaseContainerAddress.PortForTasks)],
            Volumes = [new VolumeMount(_options.Volume, "/var/lib/mysql")],
            RestartPolicy = "unless-stopped",
        };
        var container = await client.CreateContainerAsync(request, cancellationToken);
        try
        {
            await ContainerSecrets.CopyAsync(client, container, secrets, cancellationToken);
            await client.ConnectNetworkAsync(_options.Network, container, [], cancellationToken);
        }
        catch
        {
            await client.RemoveContainerAsync(container, force: true, removeVolumes: false, CancellationToken.None);
            await client.RemoveVolumeAsync(_options.Volume, CancellationToken.None);
            throw;
        }

        return container;
    }

    private async Task<string> ChooseImageAsync(CancellationToken cancellationToken)
    {
        foreach (var image in _options.Images)
        {
            if (await client.ImageExistsAsync(image, cancellationToken))
            {
                return image;
            }
        }

        var failures = new List<string>();
        foreach (var image in _options.Images.Where(image => image != DatabaseContainerOptions.OfflineImage))
        {
            try
            {
                await client.PullImageAsync(image, cancellationToken);
                return image;
            }
            catch (DockerException exception)
            {
                failures.Add(exception.Message);
            }
        }

        throw new DockerException(
            $"No MariaDB image for Slipway's database server: make the offline one with `sudo scripts/make-base-images.sh --mariadb`, or give the server with --database-host{(failures.Count > 0 ? $" ({failures[0]})" : "")}.");
    }

    private Dictionary<string, string> Labels()
    {
        var labels = new Dictionary<string, string>(_options.ExtraLabels) { [Ownership.KindLabel] = Kind };
        return labels;
    }

    private static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
}
