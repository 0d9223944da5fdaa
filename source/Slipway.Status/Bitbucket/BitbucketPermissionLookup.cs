using System.Net.Http.Headers;
using System.Text.Json;

namespace Slipway.Status.Bitbucket;

/// <summary>
/// Asks Bitbucket Cloud which permission an account has on a repository, for approvals: Bitbucket's
/// <c>pullrequest:approved</c> delivery does not say whether the approver may write. It reads the workspace's list of
/// effective repository permissions (<c>GET /2.0/workspaces/{workspace}/permissions/repositories/{repo_slug}</c>,
/// filtered to the account), which counts a permission given through a group or the project too — the explicit
/// per-user endpoint (<c>permissions-config/users</c>) would not. It needs admin on the repository: a workspace or
/// repository access token with the repository admin scope, or an app password of an admin.
/// </summary>
public sealed class BitbucketPermissionLookup(HttpClient http, Uri apiBaseUrl, AuthenticationHeaderValue authorization)
{
    private const int MaxPages = 20;

    /// <summary>The lookup with the Bitbucket credentials of <paramref name="settings"/>; null when it holds none.</summary>
    /// <exception cref="StatusReportingException">An app password is given without its username, or the other way round.</exception>
    public static BitbucketPermissionLookup? From(StatusSettings settings, HttpClient http) =>
        StatusReporterFactory.BitbucketAuthorization(settings) is { } authorization
            ? new BitbucketPermissionLookup(http, settings.BitbucketApiBaseUrl ?? BitbucketCommitStatusPublisher.DefaultApiBaseUrl, authorization)
            : null;

    /// <summary>The account's permission on the repository: <c>admin</c>, <c>write</c>, <c>read</c>, or <c>none</c> when it has none.</summary>
    /// <param name="repository">The repository's full name, workspace/slug.</param>
    /// <param name="accountUuid">The account's uuid, with its braces.</param>
    /// <exception cref="BitbucketPermissionException">Bitbucket could not be asked, or refused: one sentence saying what to fix.</exception>
    public async Task<string> PermissionOfAsync(string repository, string accountUuid, CancellationToken cancellationToken)
    {
        var parts = repository.Split('/');
        if (parts.Length != 2)
        {
            throw new BitbucketPermissionException($"'{repository}' is not a Bitbucket repository's full name (workspace/slug).");
        }

        var root = apiBaseUrl.AbsoluteUri.TrimEnd('/');
        var query = Uri.EscapeDataString($"user.uuid=\"{accountUuid}\"");
        Uri? page = new($"{root}/2.0/workspaces/{Uri.EscapeDataString(parts[0])}/permissions/repositories/{Uri.EscapeDataString(parts[1])}?q={query}");
        var best = "none";
        for (var count = 0; page is not null && count < MaxPages; count++)
        {
            using var document = await GetAsync(page, repository, cancellationToken);
            foreach (var value in Values(document))
            {
                if (Uuid(value) is { } uuid && string.Equals(uuid, accountUuid, StringComparison.OrdinalIgnoreCase) && Permission(value) is { } permission)
                {
                    best = Rank(permission) > Rank(best) ? permission : best;
                }
            }

            page = Next(document, root);
        }

        return best;
    }

    private async Task<JsonDocument> GetAsync(Uri url, string repository, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new BitbucketPermissionException($"Bitbucket could not be asked who may write to {repository} ({exception.Message}): check BITBUCKET_API_URL and the network.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own time limit, not the caller's: an approval nobody could check is refused like any other.
            throw new BitbucketPermissionException($"Bitbucket did not answer who may write to {repository} in time: check BITBUCKET_API_URL and the network.");
        }

        using (response)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new BitbucketPermissionException(
                    $"Bitbucket answered {(int)response.StatusCode}{BitbucketRequests.MessageOf(answer)} when asked who may write to {repository}: " +
                    "give Slipway a Bitbucket access token (BITBUCKET_ACCESS_TOKEN) with admin on the repository, or list the approvers in --bitbucket-approvers.");
            }

            try
            {
                return JsonDocument.Parse(answer);
            }
            catch (JsonException)
            {
                throw new BitbucketPermissionException($"Bitbucket's answer about who may write to {repository} is not JSON: check BITBUCKET_API_URL.");
            }
        }
    }

    private static IEnumerable<JsonElement> Values(JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().ToList()
            : [];

    private static string? Uuid(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
        && user.TryGetProperty("uuid", out var uuid) && uuid.ValueKind == JsonValueKind.String ? uuid.GetString() : null;

    private static string? Permission(JsonElement value) =>
        value.TryGetProperty("permission", out var permission) && permission.ValueKind == JsonValueKind.String ? permission.GetString() : null;

    // Only pages on the same API root are followed: the credentials never go to an address a response names.
    private static Uri? Next(JsonDocument document, string root) =>
        document.RootElement.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String
        && Uri.TryCreate(next.GetString(), UriKind.Absolute, out var url) && url.AbsoluteUri.StartsWith(root + "/", StringComparison.Ordinal)
            ? url
            : null;

    private static int Rank(string permission) => permission switch
    {
        "admin" => 3,
        "write" => 2,
        "read" => 1,
        _ => 0,
    };
}

/// <summary>Bitbucket could not say which permission an account has: an approval is refused, never taken as allowed.</summary>
public sealed class BitbucketPermissionException(string message) : Exception(message);
