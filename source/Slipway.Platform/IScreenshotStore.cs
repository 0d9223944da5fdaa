namespace Slipway.Platform;

/// <summary>
/// A store that keeps a run's screenshots where people can open them, for runs without a page on the service
/// (<c>--screenshots-bucket</c>: S3 with presigned links, <c>Slipway.Data.Screenshots.S3ScreenshotStore</c>).
/// </summary>
public interface IScreenshotStore
{
    /// <summary>Keeps the PNG <paramref name="name"/> of run <paramref name="runId"/> of <paramref name="app"/> and returns the address that opens it.</summary>
    Task<Uri> PutAsync(string app, string runId, string name, byte[] png, CancellationToken cancellationToken);
}
