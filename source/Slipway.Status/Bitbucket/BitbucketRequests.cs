using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.Status.Bitbucket;

/// <summary>How every request to Bitbucket Cloud's API is made and how its refusals are read.</summary>
internal static class BitbucketRequests
{
    public static HttpRequestMessage Create(HttpMethod method, Uri url, string json, AuthenticationHeaderValue authorization) =>
        Http.JsonRequests.Create(method, url, json, authorization, "application/json");

    /// <summary>The commit's API root: <c>{base}/2.0/repositories/{workspace}/{slug}/commit/{sha}</c>.</summary>
    public static string CommitUrl(Uri apiBaseUrl, RepositoryCoordinates repository, string commitSha) =>
        $"{apiBaseUrl.AbsoluteUri.TrimEnd('/')}/2.0/repositories/{Uri.EscapeDataString(repository.Owner)}/" +
        $"{Uri.EscapeDataString(repository.Name)}/commit/{Uri.EscapeDataString(commitSha)}";

    /// <summary>", \"message\"" from Bitbucket's error body, or "" when it has none.</summary>
    public static string MessageOf(string answer)
    {
        try
        {
            return JsonNode.Parse(answer)?["error"]?["message"]?.GetValue<string>() is { Length: > 0 } message
                ? $", \"{message}\""
                : "";
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return "";
        }
    }
}
