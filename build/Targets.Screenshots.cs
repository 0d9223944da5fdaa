using Slipway.Data.Screenshots;
using Slipway.Platform;

partial class Targets
{
    [Parameter("An S3 bucket (bucket/prefix or s3://bucket/prefix) for screenshots of failing browser tests, linked from Slack (never from GitHub checks) by presigned addresses that work 7 days, or only until the session ends with temporary credentials (OIDC, instance or task roles, SSO: often 1 hour); used when the run has no page on the service (--public-url). Default: none, no links.")]
    readonly string? ScreenshotsBucket;

    /// <summary>
    /// The screenshot store the pipeline links from when a run has no page on the service; null without
    /// --screenshots-bucket. Read when the runner is made, at the first run's start: a bad bucket name stops it there,
    /// and temporary credentials (whose links end with the session) are warned of once.
    /// </summary>
    IScreenshotStore? ScreenshotStore
    {
        get
        {
            if (string.IsNullOrWhiteSpace(ScreenshotsBucket))
            {
                return null;
            }

            var store = S3ScreenshotStore.FromSetting(ScreenshotsBucket);
            if (S3ScreenshotStore.TemporaryCredentialsWarning() is { } warning)
            {
                Log.Warning(warning);
            }

            return store;
        }
    }
}
