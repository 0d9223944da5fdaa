using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Status.GitHub;

/// <summary>How every request to GitHub's REST API is made and how its refusals are read.</summary>
internal static class GitHubRequests
{
    /// <summary>A request with a JSON body, the token, the media type and API version GitHub documents, and a User-Agent.</summary>
    public static HttpRequestMessage Create(HttpMethod method, Uri url, string json, string token)
    {
        var request = Http.JsonRequests.Create(method, url, json, new AuthenticationHeaderValue("Bearer", token), "application/vnd.github+json");
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Slipway", "1.0"));
        return request;
    }

    /// <summary>The repository's API root: <c>{base}/repos/{owner}/{name}</c>.</summary>
    public static string RepositoryUrl(Uri apiBaseUrl, RepositoryCoordinates repository) =>
        $"{apiBaseUrl.AbsoluteUri.TrimEnd('/')}/repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}";

    /// <summary>", \"message\"" from GitHub's error body, or "" when it has none.</summary>
    public static string MessageOf(string answer)
    {
        try
        {
            return JsonNode.Parse(answer)?["message"]?.GetValue<string>() is { Length: > 0 } message
                ? $", \"{message}\""
                : "";
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return "";
        }
    }
}
