using System.Net.Http.Headers;
using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Playground;

/// <summary>Waits until a freshly started playground answers as its readiness check wants.</summary>
public sealed class PlaygroundProbe(HttpMessageHandler? handler = null)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Asks <paramref name="url"/> for the check's path (with <paramref name="host"/> as the Host header when given)
    /// until the answer passes <paramref name="check"/> or <paramref name="timeout"/> passes. Redirects to the
    /// playground's own host are followed through <paramref name="url"/>, because names such as
    /// <c>*.localhost</c> do not resolve everywhere.
    /// </summary>
    /// <param name="credentials">Sent with every request, for a playground behind basic auth; null for none.</param>
    public async Task<ProbeReport> WaitUntilReadyAsync(
        Uri url, string? host, ReadinessCheck check, TimeSpan timeout, CancellationToken cancellationToken,
        AuthenticationHeaderValue? credentials = null)
    {
        using var client = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }, disposeHandler: handler is null)
        {
            Timeout = TimeSpan.FromSeconds(5),
        };
        var attempt = new ReadinessAttempt(client, url, host, check, credentials);
        var report = new ProbeReport();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            report.Add(await attempt.RunAsync(cancellationToken));
            if (report.Ready)
            {
                return report;
            }

            await Task.Delay(Interval, cancellationToken);
        }

        return report;
    }
}
