using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Playground;

/// <summary>
/// One readiness request: the check's path, redirects on the playground's own host followed through the probe
/// address, then the final answer judged by its status, its page and (for Drupal) whether Drupal wrote it.
/// An error page never counts, whatever its status.
/// </summary>
internal sealed partial class ReadinessAttempt(
    HttpClient client, Uri probeUrl, string? host, ReadinessCheck check, AuthenticationHeaderValue? credentials = null)
{
    private const int MaxRedirects = 5;
    private const int MaxBodyBytes = 512 * 1024;

    public async Task<ProbeAnswer> RunAsync(CancellationToken cancellationToken)
    {
        var path = check.Path;
        var authority = host ?? probeUrl.Authority;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(probeUrl, path));
                request.Headers.Host = authority;
                // Only ever sent to the playground itself: redirects are followed on its own host alone.
                request.Headers.Authorization = credentials;
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location && hop < MaxRedirects
                    && OwnHost(new Uri(new Uri($"{probeUrl.Scheme}://{authority}{path}"), location)) is { } next)
                {
                    (path, authority) = next;
                    continue;
                }

                return await JudgeAsync(response, status, path, cancellationToken);
            }
        }
        catch (HttpRequestException exception)
        {
            return new ProbeAnswer(null, false, exception.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused" : exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeAnswer(null, false, "no answer within 5 s");
        }
    }

    /// <summary>A redirect target on the playground's own host, as path and Host header; null for any other host.</summary>
    private (string Path, string Authority)? OwnHost(Uri target)
    {
        var ownHost = (host ?? probeUrl.Authority).Split(':')[0];
        return string.Equals(target.Host, ownHost, StringComparison.OrdinalIgnoreCase) || string.Equals(target.Host, probeUrl.Host, StringComparison.OrdinalIgnoreCase)
            ? (target.PathAndQuery, target.Authority)
            : null;
    }

    private async Task<ProbeAnswer> JudgeAsync(HttpResponseMessage response, int status, string path, CancellationToken cancellationToken)
    {
        var said = $"{status} {response.ReasonPhrase}".Trim();
        if (!check.Statuses.Contains(status))
        {
            return new ProbeAnswer(status, false, $"answered {said} at {path}");
        }

        var body = await ReadBodyAsync(response, cancellationToken);
        if (ErrorPage().Match(body) is { Success: true } error)
        {
            return new ProbeAnswer(status, false, $"answered {said} at {path} with an error page ('{error.Value.Trim()}')");
        }

        if (check.Contains is { } text && !body.Contains(text, StringComparison.Ordinal))
        {
            return new ProbeAnswer(status, false, $"answered {said} at {path} without the text '{text}'");
        }

        if (check.Generator is { } generator
            && !(response.Headers.TryGetValues("X-Generator", out var generators) && generators.Any(value => value.Contains(generator, StringComparison.OrdinalIgnoreCase)))
            && !body.Contains(generator, StringComparison.Ordinal))
        {
            return new ProbeAnswer(status, false, $"answered {said} at {path} with a page that is not {generator}'s");
        }

        return new ProbeAnswer(status, true, null);
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    /// <summary>What PHP, composer's platform check and Drupal print instead of a page when they fail.</summary>
    [GeneratedRegex(@"(?:<b>)?(?:PHP )?(?:Fatal error|Parse error)(?:</b>)?:[^\n<]{0,120}|Composer detected issues in your platform[^\n<]{0,120}|The website encountered an unexpected error[^\n<]{0,80}")]
    private static partial Regex ErrorPage();
}
