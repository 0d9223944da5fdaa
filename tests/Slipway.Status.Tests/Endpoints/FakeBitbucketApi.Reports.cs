using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>
/// Bitbucket Cloud's Code Insights as documented: "create or update a report" (PUT
/// /2.0/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}) with title, details, report_type
/// SECURITY|COVERAGE|TEST|BUG and result PASSED|FAILED|PENDING; "bulk create or update annotations" (POST
/// .../reports/{reportId}/annotations) for an existing report: a JSON array of at most 100, each with an
/// external_id, annotation_type VULNERABILITY|CODE_SMELL|BUG, a summary and severity CRITICAL|HIGH|MEDIUM|LOW; a
/// report holds at most 1000 annotations. 400 with a field message otherwise.
/// </summary>
public sealed partial class FakeBitbucketApi
{
    private readonly Dictionary<string, InsightsReport> reports = [];

    /// <summary>The Code Insights reports on <paramref name="commit"/>, by report id.</summary>
    public IReadOnlyDictionary<string, InsightsReport> ReportsOn(string commit)
    {
        lock (gate)
        {
            return reports.Values.Where(report => report.Commit == commit)
                .ToDictionary(report => report.Id, report => report with { Annotations = report.Annotations.ToList() });
        }
    }

    private HttpAnswer HandleReport(RecordedRequest request)
    {
        if (request.Header("Authorization") != acceptedAuthorization)
        {
            return Error(401, "Unauthorized");
        }

        var match = ReportPath().Match(request.Path);
        var repository = $"{match.Groups["workspace"].Value}/{match.Groups["slug"].Value}";
        if (!repositories.Contains(repository))
        {
            return Error(404, $"Repository {repository} not found");
        }

        var key = $"{match.Groups["commit"].Value}/{match.Groups["report"].Value}";
        lock (gate)
        {
            return (request.Method, match.Groups["annotations"].Success) switch
            {
                ("PUT", false) => PutReport(request, key, match.Groups["commit"].Value, match.Groups["report"].Value),
                ("POST", true) => PostAnnotations(request, key),
                _ => Error(405, "Method not allowed"),
            };
        }
    }

    private HttpAnswer PutReport(RecordedRequest request, string key, string commit, string id)
    {
        if (request.Json is not { } body)
        {
            return Error(400, "Bad request");
        }

        if (string.IsNullOrEmpty(Text(body["title"])) || string.IsNullOrEmpty(Text(body["details"])))
        {
            return Error(400, "title and details: This field is required.");
        }

        if (Text(body["report_type"]) is not ("SECURITY" or "COVERAGE" or "TEST" or "BUG"))
        {
            return Error(400, $"report_type: '{Text(body["report_type"])}' is not a valid choice.");
        }

        if (Text(body["result"]) is not (null or "PASSED" or "FAILED" or "PENDING"))
        {
            return Error(400, $"result: '{Text(body["result"])}' is not a valid choice.");
        }

        var annotations = reports.TryGetValue(key, out var existing) ? existing.Annotations : [];
        reports[key] = new InsightsReport(id, commit, Text(body["title"])!, Text(body["details"])!, Text(body["result"]), Text(body["link"]), annotations);
        return HttpAnswer.Json(200, new JsonObject { ["external_id"] = id, ["title"] = Text(body["title"]), ["result"] = Text(body["result"]) });
    }

    private HttpAnswer PostAnnotations(RecordedRequest request, string key)
    {
        if (!reports.TryGetValue(key, out var report))
        {
            return Error(404, "Report not found");
        }

        JsonArray? items;
        try
        {
            items = JsonNode.Parse(request.Body) as JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            items = null;
        }

        if (items is null)
        {
            return Error(400, "Bad request: expected a JSON array of annotations");
        }

        if (items.Count > 100)
        {
            return Error(400, "You can upload up to 100 annotations per request.");
        }

        if (report.Annotations.Count + items.Count > 1000)
        {
            return Error(400, "A report can contain up to 1000 annotations.");
        }

        foreach (var item in items)
        {
            if (item is not JsonObject annotation || string.IsNullOrEmpty(Text(annotation["external_id"])) || string.IsNullOrEmpty(Text(annotation["summary"]))
                || Text(annotation["annotation_type"]) is not ("VULNERABILITY" or "CODE_SMELL" or "BUG")
                || Text(annotation["severity"]) is not ("CRITICAL" or "HIGH" or "MEDIUM" or "LOW"))
            {
                return Error(400, "annotation: external_id, summary, annotation_type and severity are required and must be valid choices.");
            }
        }

        var created = new JsonArray();
        foreach (var annotation in items.OfType<JsonObject>())
        {
            report.Annotations.Add(new PostedAnnotation(
                Text(annotation["path"]) ?? "", annotation["line"]?.GetValue<int>() ?? 0, Text(annotation["severity"])!, Text(annotation["summary"])!));
            created.Add(new JsonObject { ["external_id"] = Text(annotation["external_id"]) });
        }

        return HttpAnswer.Json(200, created);
    }

    [GeneratedRegex("^/2.0/repositories/(?<workspace>[^/]+)/(?<slug>[^/]+)/commit/(?<commit>[0-9a-f]+)/reports/(?<report>[^/]+)(?<annotations>/annotations)?/?$")]
    private static partial Regex ReportPath();

    /// <summary>A Code Insights report as Bitbucket keeps it, with every annotation it was given.</summary>
    public sealed record InsightsReport(string Id, string Commit, string Title, string Details, string? Result, string? Link, List<PostedAnnotation> Annotations);
}
