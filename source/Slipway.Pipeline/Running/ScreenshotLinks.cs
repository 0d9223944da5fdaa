using Slipway.Engine;
using Slipway.Platform;
using Slipway.Results;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// Where people open a run's screenshots: under the service's page of the run (<c>/runs/{id}/screenshots/&lt;name&gt;</c>,
/// which serves the file the run wrote into its report folder, behind the service's token); else, when a screenshot
/// store is configured, its presigned link. A run with neither (a command line on a laptop) links none: report.md
/// keeps its links relative to the run folder, and nothing points at a loopback address.
/// </summary>
public static class ScreenshotLinks
{
    /// <summary>The link of each screenshot under <paramref name="runPage"/>; empty when there is no page.</summary>
    public static IReadOnlyList<ScreenshotLink> ForRunPage(Uri? runPage, IReadOnlyList<TaskAttachment> attachments) =>
        runPage is null
            ? []
            : attachments
                .DistinctBy(attachment => attachment.Name, StringComparer.Ordinal)
                .Select(attachment => new ScreenshotLink(attachment.Name, new Uri(runPage, $"{RunPagePath(runPage)}/{TaskAttachment.Folder}/{Uri.EscapeDataString(attachment.Name)}")))
                .ToList();

    /// <summary>
    /// The links of the run's screenshots: under its page when it has one, else from <paramref name="store"/>. A store
    /// that fails costs the links, never the run: a warning says so. That includes a timeout, which the AWS SDK reports
    /// as a cancellation; only <paramref name="cancellationToken"/>'s own cancellation ends the call.
    /// </summary>
    public static async Task<IReadOnlyList<ScreenshotLink>> ForRunAsync(
        RunContext run, IScreenshotStore? store, IReadOnlyList<TaskAttachment> attachments, CancellationToken cancellationToken)
    {
        if (run.Settings.RunPageUrl is not null || store is null || attachments.Count == 0)
        {
            return ForRunPage(run.Settings.RunPageUrl, attachments);
        }

        var links = new List<ScreenshotLink>();
        try
        {
            // A later screenshot of the same name replaced the earlier one in the run folder: the store keeps that one too.
            foreach (var attachment in attachments.GroupBy(attachment => attachment.Name, StringComparer.Ordinal).Select(same => same.Last()))
            {
                var url = await store.PutAsync(run.AppName, run.RunId, attachment.Name, attachment.Content, cancellationToken);
                links.Add(new ScreenshotLink(attachment.Name, url) { Signed = true });
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Warning($"Could not keep the screenshots in the screenshot store, so Slack links {links.Count} of them: {exception.Message}");
        }

        return links;
    }

    private static string RunPagePath(Uri runPage) => runPage.AbsolutePath.TrimEnd('/');
}
