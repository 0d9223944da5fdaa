using Slipway.Results;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// A store that keeps a run's screenshots where people can open them, for runs without a page on the service
/// (built in build/ from <c>--screenshots-bucket</c>; S3 with presigned links).
/// </summary>
public interface IScreenshotStore
{
    /// <summary>Keeps <paramref name="screenshot"/> of run <paramref name="runId"/> of <paramref name="app"/> and returns its link.</summary>
    Task<ScreenshotLink> PublishAsync(string app, string runId, TaskAttachment screenshot, CancellationToken cancellationToken);
}
