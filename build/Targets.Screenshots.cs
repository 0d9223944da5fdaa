using Slipway.Data.Screenshots;
using Slipway.Pipeline.Running;
using Slipway.Results;
using Slipway.Status;

partial class Targets
{
    [Parameter("An S3 bucket (bucket or bucket/prefix) for screenshots of failing browser tests, linked from Slack by presigned addresses that work 7 days; used when the run has no page on the service (--public-url). Default: none, no links.")]
    readonly string? ScreenshotsBucket;

    /// <summary>The screenshot store the pipeline links from when a run has no page on the service; null without --screenshots-bucket.</summary>
    IScreenshotStore? ScreenshotStore => string.IsNullOrWhiteSpace(ScreenshotsBucket) ? null : new ScreenshotsInBucket(S3ScreenshotStore.FromSetting(ScreenshotsBucket.Trim()));

    /// <summary>The bucket as the pipeline asks for it.</summary>
    sealed class ScreenshotsInBucket(S3ScreenshotStore store) : IScreenshotStore
    {
        public async Task<ScreenshotLink> PublishAsync(string app, string runId, TaskAttachment screenshot, CancellationToken cancellationToken) =>
            new(screenshot.Name, await store.PutAsync(app, runId, screenshot.Name, screenshot.Content, cancellationToken));
    }
}
