using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Slipway.Status.Checks;
using Slipway.Status.Http;

namespace Slipway.Status.Bitbucket;

/// <summary>
/// Posts a stage as a Bitbucket Cloud Code Insights report (<c>PUT .../commit/{commit}/reports/{reportId}</c>) and,
/// when the run has ended, its annotations (<c>POST .../reports/{reportId}/annotations</c>, at most 100 a request,
/// 1000 a report). The report's id is <c>slipway-&lt;stage&gt;</c>: a new run of the same commit replaces it.
/// </summary>
internal sealed class BitbucketCodeInsightsPublisher(
    HttpClient httpClient,
    DeliveryPolicy policy,
    AuthenticationHeaderValue authorization,
    Uri apiBaseUrl) : ICheckPublisher
{
    /// <summary>Bitbucket's limit of annotations in one request.</summary>
    public const int AnnotationsPerRequest = 100;

    /// <summary>Bitbucket's limit for a report's details.</summary>
    public const int DetailsLimit = 2000;

    /// <summary>Bitbucket's limit for an annotation's summary.</summary>
    public const int AnnotationSummaryLimit = 450;

    private readonly RetryingRequestSender sender = new(httpClient, policy, "Bitbucket");

    public VcsProvider Provider => VcsProvider.Bitbucket;

    public async Task<string> PublishAsync(
        RepositoryCoordinates repository, string commitSha, StageCheck check, string? checkId, CancellationToken cancellationToken)
    {
        var reportId = $"slipway-{check.Stage}";
        var report = $"{BitbucketRequests.CommitUrl(apiBaseUrl, repository, commitSha)}/reports/{Uri.EscapeDataString(reportId)}";
        var body = new JsonObject
        {
            ["title"] = check.Name,
            ["details"] = Cut(Details(check), DetailsLimit),
            ["report_type"] = check.Stage == StageNames.Analysis ? "BUG" : "TEST",
            ["reporter"] = "Slipway",
            ["result"] = ResultOf(check.State),
        };
        if (check.DetailsUrl is { } link && link.Scheme is "http" or "https")
        {
            body["link"] = link.AbsoluteUri;
        }

        await SendAsync(HttpMethod.Put, new Uri(report), body, check, repository, cancellationToken);
        var index = 0;
        foreach (var batch in check.Annotations.Chunk(AnnotationsPerRequest))
        {
            var annotations = new JsonArray(batch.Select(annotation => (JsonNode)new JsonObject
            {
                ["external_id"] = $"{reportId}-{++index}",
                ["annotation_type"] = check.Stage == StageNames.Analysis ? "CODE_SMELL" : "BUG",
                ["summary"] = Cut($"{annotation.Title}: {annotation.Message}", AnnotationSummaryLimit),
                ["details"] = Cut(annotation.Message, DetailsLimit),
                ["path"] = annotation.Path,
                ["line"] = annotation.Line,
                ["severity"] = annotation.Level switch { "failure" => "HIGH", "warning" => "MEDIUM", _ => "LOW" },
                ["result"] = "FAILED",
            }).ToArray());
            await SendAsync(HttpMethod.Post, new Uri($"{report}/annotations"), annotations, check, repository, cancellationToken);
        }

        return reportId;
    }

    /// <summary>Code Insights has no "cancelled": a stopped stage's report stays pending, as unfinished.</summary>
    public static string ResultOf(StageState state) => state switch
    {
        StageState.Succeeded or StageState.Skipped => "PASSED",
        StageState.Failed => "FAILED",
        _ => "PENDING",
    };

    // The details are plain text: the check's title and the first lines of its summary without Markdown tables.
    private static string Details(StageCheck check) =>
        string.Join('\n', check.Summary.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0 && !line.StartsWith('|')).Take(12));

    private async Task SendAsync(
        HttpMethod method, Uri url, JsonNode body, StageCheck check, RepositoryCoordinates repository, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        var (code, answer) = await sender.SendAsync(
            () => BitbucketRequests.Create(method, url, json, authorization), $"the {check.Name} report", cancellationToken);
        if ((int)code is >= 200 and < 300)
        {
            return;
        }

        throw new StatusReportingException(
            $"Bitbucket refused the {check.Name} report on {repository} (HTTP {(int)code}{BitbucketRequests.MessageOf(answer)}): {Hint((int)code, repository)}");
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";

    private static string Hint(int code, RepositoryCoordinates repository) => code switch
    {
        401 => "check BitbucketUsername and BitbucketAppPassword, or BitbucketAccessToken.",
        403 or 404 => $"check that the credentials may write to {repository.Owner}/{repository.Name} (repository:write).",
        400 => "Bitbucket found the report or an annotation malformed.",
        _ => "the report was not posted.",
    };
}
