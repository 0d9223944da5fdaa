using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>
/// A platform known only by its name (a run report asks where stages ran; a Fargate-like one copies no files into its
/// services): everything else it refuses.
/// </summary>
internal sealed class NamedPlatform(string name) : IPlatform
{
    public static readonly NamedPlatform Local = new("local");

    public string Name => name;

    public Task<ITaskRun> StartTaskAsync(TaskSpec spec, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> PublishImageAsync(string localImage, Ownership owner, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ServiceEndpoint> StartServiceAsync(ServiceSpec spec, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<LogLine>> ReadServiceLogTailAsync(ServiceEndpoint endpoint, int lines, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<OwnedResource>> ListOwnedAsync(string app, string? branch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RemoveAsync(IReadOnlyList<OwnedResource> resources, CancellationToken cancellationToken) => throw new NotSupportedException();
}
