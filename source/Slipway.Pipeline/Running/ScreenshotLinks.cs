using Slipway.Results;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// Where people open a run's screenshots: under the service's page of the run (<c>/runs/{id}/screenshots/&lt;name&gt;</c>,
/// which serves the file the run wrote into its report folder). A run without such a page (a command line on a laptop)
/// links none: report.md keeps its links relative to the run folder, and nothing points at a loopback address.
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

    private static string RunPagePath(Uri runPage) => runPage.AbsolutePath.TrimEnd('/');
}
