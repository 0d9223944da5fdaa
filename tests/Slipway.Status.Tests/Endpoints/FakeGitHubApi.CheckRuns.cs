using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>
/// GitHub's check runs as documented: "create a check run" (POST /repos/{owner}/{repo}/check-runs, 201) and "update a
/// check run" (PATCH .../check-runs/{check_run_id}, 200; 404 for an unknown id). Only GitHub Apps may write them (a
/// personal token gets 403 "You must authenticate via a GitHub App."); User-Agent, Accept and API version are checked as
/// for statuses. name and head_sha are required to create;
/// status is queued|in_progress|completed and a completed one needs a conclusion; output needs title and summary
/// (at most 65,535 characters); at most 50 annotations a request (422 otherwise), each with path, start_line,
/// end_line (not before start_line), annotation_level notice|warning|failure and message; each update's annotations are appended.
/// </summary>
public sealed partial class FakeGitHubApi
{
    private readonly Dictionary<long, CheckRun> checkRuns = [];

    /// <summary>The check runs on <paramref name="sha"/>, by name.</summary>
    public IReadOnlyDictionary<string, CheckRun> CheckRunsOn(string sha)
    {
        lock (gate)
        {
            return checkRuns.Values.Where(run => run.HeadSha == sha).ToDictionary(run => run.Name, run => run with { Annotations = run.Annotations.ToList() });
        }
    }

    private HttpAnswer HandleCheckRun(RecordedRequest request, string path)
    {
        if (string.IsNullOrEmpty(request.Header("User-Agent")))
        {
            return Message(403, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header");
        }

        if (request.Header("Authorization") is not { } authorization || authorization != $"Bearer {acceptedToken}")
        {
            return Message(401, "Bad credentials");
        }

        if (!acceptedToken.StartsWith("ghs_", StringComparison.Ordinal))
        {
            return Message(403, "You must authenticate via a GitHub App.");
        }

        if (request.Header("X-GitHub-Api-Version") is { } version && version != "2022-11-28")
        {
            return Message(400, $"API version {version} is not supported.");
        }

        if (request.Header("Accept") is not { } accept || !accept.Contains("application/vnd.github+json", StringComparison.Ordinal))
        {
            return Message(415, "Unsupported 'Accept' header");
        }

        var match = CheckRunsPath().Match(path);
        if (!repositories.Contains($"{match.Groups["owner"].Value}/{match.Groups["repo"].Value}"))
        {
            return Message(404, "Not Found");
        }

        if (request.Json is not { } body)
        {
            return Message(400, "Problems parsing JSON");
        }

        if (Invalid(body) is { } invalid)
        {
            return invalid;
        }

        lock (gate)
        {
            CheckRun run;
            if (request.Method == "POST" && !match.Groups["id"].Success)
            {
                var name = Text(body["name"]);
                var sha = Text(body["head_sha"]);
                if (string.IsNullOrEmpty(name) || sha is null || !Regex.IsMatch(sha, "^[0-9a-f]{40}$"))
                {
                    return Invalid(string.IsNullOrEmpty(name) ? "name" : "head_sha", "missing_field");
                }

                run = new CheckRun(checkRuns.Count + 1, name, sha, "queued", null, null, null, null, []);
            }
            else if (request.Method == "PATCH" && match.Groups["id"].Success && checkRuns.TryGetValue(long.Parse(match.Groups["id"].Value), out var existing))
            {
                run = existing;
            }
            else
            {
                return Message(404, "Not Found");
            }

            var output = body["output"] as JsonObject;
            run = run with
            {
                Status = Text(body["status"]) ?? run.Status,
                Conclusion = Text(body["conclusion"]) ?? run.Conclusion,
                DetailsUrl = Text(body["details_url"]) ?? run.DetailsUrl,
                Title = Text(output?["title"]) ?? run.Title,
                Summary = Text(output?["summary"]) ?? run.Summary,
            };
            foreach (var annotation in (output?["annotations"] as JsonArray ?? []).OfType<JsonObject>())
            {
                run.Annotations.Add(new PostedAnnotation(
                    Text(annotation["path"])!, (int)annotation["start_line"]!, Text(annotation["annotation_level"])!, Text(annotation["message"])!));
            }

            checkRuns[run.Id] = run;
            return HttpAnswer.Json(request.Method == "POST" ? 201 : 200, new JsonObject
            {
                ["id"] = run.Id,
                ["name"] = run.Name,
                ["head_sha"] = run.HeadSha,
                ["status"] = run.Status,
                ["conclusion"] = run.Conclusion,
            });
        }
    }

    private static HttpAnswer? Invalid(JsonObject body)
    {
        var status = Text(body["status"]);
        if (status is not (null or "queued" or "in_progress" or "completed"))
        {
            return Invalid("status", "invalid");
        }

        var conclusion = Text(body["conclusion"]);
        if (status == "completed" && conclusion is null)
        {
            return Invalid("conclusion", "missing_field");
        }

        if (conclusion is not (null or "action_required" or "cancelled" or "failure" or "neutral" or "success" or "skipped" or "stale" or "timed_out"))
        {
            return Invalid("conclusion", "invalid");
        }

        if (body["output"] is not JsonObject output)
        {
            return body["output"] is null ? null : Invalid("output", "invalid");
        }

        if (string.IsNullOrEmpty(Text(output["title"])) || Text(output["summary"]) is not { } summary)
        {
            return Invalid("output", "missing_field");
        }

        if (summary.Length > 65535)
        {
            return Invalid("output.summary", "too_long");
        }

        var annotations = output["annotations"] as JsonArray ?? [];
        if (annotations.Count > 50)
        {
            return Invalid("output.annotations", "too_many (maximum is 50 per request)");
        }

        foreach (var annotation in annotations)
        {
            if (annotation is not JsonObject item || string.IsNullOrEmpty(Text(item["path"])) || string.IsNullOrEmpty(Text(item["message"]))
                || item["start_line"] is not JsonValue start || !start.TryGetValue(out int startLine)
                || item["end_line"] is not JsonValue end || !end.TryGetValue(out int endLine) || endLine < startLine
                || Text(item["annotation_level"]) is not ("notice" or "warning" or "failure"))
            {
                return Invalid("output.annotations", "invalid");
            }
        }

        return null;
    }

    [GeneratedRegex("^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/check-runs(/(?<id>[0-9]+))?$")]
    private static partial Regex CheckRunsPath();

    /// <summary>A check run as GitHub keeps it, with every annotation it was given.</summary>
    public sealed record CheckRun(
        long Id, string Name, string HeadSha, string Status, string? Conclusion, string? DetailsUrl, string? Title, string? Summary, List<PostedAnnotation> Annotations);
}

/// <summary>An annotation a provider accepted: file, line, level (GitHub's annotation_level or Bitbucket's severity) and message.</summary>
public sealed record PostedAnnotation(string Path, int Line, string Level, string Message);
