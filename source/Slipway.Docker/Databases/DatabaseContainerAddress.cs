namespace Slipway.Docker.Databases;

/// <summary>Where the kept database server answers.</summary>
/// <param name="HostPort">The port on 127.0.0.1 Slipway itself connects to.</param>
/// <param name="AdminPassword">The password of the server's root account; never printed.</param>
/// <param name="HostForTasks">The name the app's tasks reach it by, on <paramref name="Network"/>, at <see cref="PortForTasks"/>.</param>
public sealed record DatabaseContainerAddress(int HostPort, string AdminUser, string AdminPassword, string HostForTasks, string Network)
{
    public const int PortForTasks = 3306;

    public override string ToString() => $"{AdminUser}@127.0.0.1:{HostPort} ({HostForTasks}:{PortForTasks} on {Network})";
}
