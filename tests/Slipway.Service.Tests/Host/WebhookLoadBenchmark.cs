using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Slipway.Service.Tests.Fixtures;
using Slipway.Service.Webhooks;

namespace Slipway.Service.Tests.Host;

/// <summary>
/// <c>benchmark-webhooks [--count 20000] [--concurrency 8] [--max-seconds 60] [--warmup 500]</c>: starts a service process
/// (runs held, so only intake is measured), sends signed GitHub pull_request deliveries for distinct branches over
/// loopback, and reports deliveries per second and latency percentiles; then checks that every accepted delivery
/// is in the store. Exits 1 when the goal (1,000/s, p99 under 50 ms, all stored) is missed.
/// </summary>
public static class WebhookLoadBenchmark
{
    private const double GoalRate = 1000;
    private static readonly TimeSpan GoalP99 = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(TestHostArguments args)
    {
        var count = args.Number("count", 20_000);
        var concurrency = args.Number("concurrency", 8);
        var maxSeconds = args.Number("max-seconds", 60);
        var warmup = args.Number("warmup", 500);
        var secret = "bench-" + Guid.NewGuid().ToString("N");
        using var folder = new TemporaryFolder();
        using var service = await ServiceProcess.StartAsync(["--root", folder.Path, "--executor", "hold", "--max", "1", "--github-secret", secret]);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false })
        {
            BaseAddress = service.Address,
        };
        var template = Payloads.Read("github-pull_request-opened");

        await SendAsync(client, template, secret, "warmup", warmup, concurrency, TimeSpan.FromSeconds(maxSeconds));
        var result = await SendAsync(client, template, secret, "bench", count, concurrency, TimeSpan.FromSeconds(maxSeconds));
        var stored = await StoredRunsAsync(client);
        await service.StopAsync();

        var accepted = result.Accepted + warmup;
        var rate = result.Accepted / result.Elapsed.TotalSeconds;
        var p50 = Percentile(result.Latencies, 0.50);
        var p99 = Percentile(result.Latencies, 0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deliveries: {result.Sent} sent, {result.Accepted} accepted (202), {result.Failed} failed, in {result.Elapsed.TotalSeconds:0.00} s with {concurrency} connections"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rate: {rate:0} per second; latency p50 {p50.TotalMilliseconds:0.0} ms, p90 {Percentile(result.Latencies, 0.90).TotalMilliseconds:0.0} ms, p99 {p99.TotalMilliseconds:0.0} ms, max {Percentile(result.Latencies, 1).TotalMilliseconds:0.0} ms"));
        Console.WriteLine($"stored: {stored} runs in the queue's database for {accepted} accepted deliveries (warm-up included)");
        var met = rate >= GoalRate && p99 < GoalP99 && stored == accepted && result.Failed == 0 && result.Sent == count;
        Console.WriteLine(met ? "goal met: at least 1,000/s, p99 under 50 ms, every delivery stored" : "goal MISSED");
        return met ? 0 : 1;
    }

    private static async Task<LoadResult> SendAsync(HttpClient client, string template, string secret, string prefix, int count, int concurrency, TimeSpan limit)
    {
        // Bodies and signatures are made before the clock starts: only the service is measured.
        var deliveries = Enumerable.Range(0, count).Select(index =>
        {
            var body = Encoding.UTF8.GetBytes(template.Replace("feature/login", $"{prefix}/{index}", StringComparison.Ordinal));
            return (Body: body, Signature: WebhookSignature.Sign(secret, body));
        }).ToArray();
        var latencies = new TimeSpan[count];
        var next = -1;
        var accepted = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count && clock.Elapsed < limit)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/github") { Content = new ByteArrayContent(deliveries[index].Body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-GitHub-Event", "pull_request");
                request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
                request.Headers.Add("X-Hub-Signature-256", deliveries[index].Signature);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                latencies[index] = Stopwatch.GetElapsedTime(started);
                Interlocked.Increment(ref response.StatusCode == HttpStatusCode.Accepted ? ref accepted : ref failed);
            }
        }).ToList();
        await Task.WhenAll(workers);
        clock.Stop();
        var sent = Math.Min(count, next);
        return new LoadResult(sent, accepted, failed, clock.Elapsed, latencies.Take(sent).Order().ToArray());
    }

    private static async Task<long> StoredRunsAsync(HttpClient client)
    {
        var metrics = await client.GetStringAsync("/metrics");
        return metrics.Split('\n')
            .Where(line => line.StartsWith("slipway_runs{", StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double fraction) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record LoadResult(int Sent, int Accepted, int Failed, TimeSpan Elapsed, TimeSpan[] Latencies);
}
