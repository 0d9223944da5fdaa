using System.Net;

namespace Slipway.Pipeline.Playground;

/// <summary>Waits until a freshly started playground answers HTTP 200.</summary>
public sealed class PlaygroundProbe(HttpMessageHandler? handler = null)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Polls <paramref name="url"/> (with <paramref name="host"/> as the Host header when given) until it
    /// answers 200. Returns false when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<bool> WaitUntilReadyAsync(Uri url, string? host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false }, disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(5),
        };
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await AnswersOkAsync(client, url, host, cancellationToken))
            {
                return true;
            }

            await Task.Delay(Interval, cancellationToken);
        }

        return false;
    }

    private static async Task<bool> AnswersOkAsync(HttpClient client, Uri url, string? host, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
