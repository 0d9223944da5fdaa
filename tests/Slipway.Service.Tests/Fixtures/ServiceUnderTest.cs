using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Slipway.Pipeline.Playground;
using Slipway.Pipeline.State;
using Slipway.Service.Apps;
using Slipway.Service.Execution;
using Slipway.Service.Hosting;
using Slipway.Service.Queue;
using Slipway.Service.Webhooks;
using Slipway.Status;

namespace Slipway.Service.Tests.Fixtures;

/// <summary>
/// A real service on 127.0.0.1 (a free port) with its own folder, database and HTTP client; the executor,
/// clock and branch lister are the test's. One line builds the world a test needs.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    public const string GitHubSecret = "gh-webhook-secret-1f3a9c";
    public const string BitbucketSecret = "bb-webhook-secret-7d2e4b";

    /// <summary>The repository every payload in Payloads/ comes from.</summary>
    public const string PayloadRepository = "acme/site";

    private ServiceUnderTest(TemporaryFolder folder, ServiceHost host, ScriptedPipeline executor, RecordingCleaner cleaner, SqliteRunStore pipelineStore, ServiceOptions options)
    {
        Folder = folder;
        Host = host;
        Pipeline = executor;
        Cleaner = cleaner;
        PipelineStore = pipelineStore;
        Options = options;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.Address };
    }

    public TemporaryFolder Folder { get; }

    public ServiceHost Host { get; }

    public ScriptedPipeline Pipeline { get; }

    public RecordingCleaner Cleaner { get; }

    public SqliteRunStore PipelineStore { get; }

    public ServiceOptions Options { get; }

    public HttpClient Client { get; }

    public IRunQueueStore Queue => Host.Services.GetRequiredService<IRunQueueStore>();

    /// <summary>The default app's folder, <c>site</c>: its runs carry the app name "site".</summary>
    public string AppFolder => Folder.Combine("site");

    public static async Task<ServiceUnderTest> StartAsync(
        Func<ServiceOptions, ServiceOptions>? configure = null,
        TimeProvider? clock = null,
        IRemoteBranchLister? branches = null,
        TemporaryFolder? folder = null,
        Action<SqliteRunStore>? seed = null,
        Func<SqliteRunStore, PlaygroundReconciler>? playgrounds = null,
        Slipway.Status.Bitbucket.BitbucketPermissionLookup? bitbucketPermissions = null)
    {
        folder ??= new TemporaryFolder();
        Directory.CreateDirectory(folder.Combine("site"));
        var database = folder.Combine(".nuke", "temp", "slipway.db");
        var pipelineStore = new SqliteRunStore(database);
        seed?.Invoke(pipelineStore);
        var options = new ServiceOptions
        {
            RootDirectory = folder.Path,
            DatabasePath = database,
            Listen = "127.0.0.1:0",
            MaxConcurrentRuns = 2,
            GitHubWebhookSecret = GitHubSecret,
            BitbucketWebhookSecret = BitbucketSecret,
            DefaultApp = folder.Combine("site"),
            TimeZone = "UTC",
            // The repository of the payloads in Payloads/, as an operator would configure it.
            Apps = new Dictionary<string, string> { [PayloadRepository] = "https://github.com/acme/site.git" },
        };
        options = configure?.Invoke(options) ?? options;
        var executor = new ScriptedPipeline();
        var cleaner = new RecordingCleaner();
        var dependencies = new ServiceDependencies(executor, cleaner, pipelineStore)
        {
            Clock = clock ?? TimeProvider.System,
            Branches = branches,
            Playgrounds = playgrounds?.Invoke(pipelineStore),
            BitbucketPermissions = bitbucketPermissions,
        };
        var host = await ServiceHost.StartAsync(options, dependencies, CancellationToken.None);
        return new ServiceUnderTest(folder, host, executor, cleaner, pipelineStore, options);
    }

    public Task<HttpResponseMessage> PostGitHubAsync(string eventName, string json, string? delivery = null, string? signature = null) =>
        PostWebhookAsync("/hooks/github", json, signature ?? WebhookSignature.Sign(GitHubSecret, Encoding.UTF8.GetBytes(json)), "X-Hub-Signature-256",
            ("X-GitHub-Event", eventName), ("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString()));

    public Task<HttpResponseMessage> PostBitbucketAsync(string eventKey, string json, string? requestId = null, string? signature = null) =>
        PostWebhookAsync("/hooks/bitbucket", json, signature ?? WebhookSignature.Sign(BitbucketSecret, Encoding.UTF8.GetBytes(json)), "X-Hub-Signature",
            ("X-Event-Key", eventKey), ("X-Request-UUID", requestId ?? Guid.NewGuid().ToString()), ("X-Hook-UUID", "{8f3b0b8e-0c1f-4b8e-9f54-2a9f1d6c7e21}"));

    /// <summary>Every run the queue holds, oldest first.</summary>
    public async Task<IReadOnlyList<QueuedRun>> RunsAsync() => (await Queue.ListAsync(10_000, CancellationToken.None)).Reverse().ToList();

    /// <summary>Waits until the queue holds at least <paramref name="count"/> runs (or the time is up) and returns them, oldest first.</summary>
    public async Task<IReadOnlyList<QueuedRun>> WaitForRunsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var runs = await RunsAsync();
            if (runs.Count >= count || DateTime.UtcNow > deadline)
            {
                return runs;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the run satisfies <paramref name="condition"/> and returns it.</summary>
    public async Task<QueuedRun> WaitForRunAsync(string id, Func<QueuedRun, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var run = await Queue.FindAsync(id, CancellationToken.None);
            if (run is not null && condition(run))
            {
                return run;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Run {id} is {run?.State.ToString() ?? "missing"}, still not as expected.");
            }

            await Task.Delay(20);
        }
    }

    public Task<QueuedRun> WaitForStateAsync(string id, RunState state, TimeSpan? timeout = null) =>
        WaitForRunAsync(id, run => run.State == state, timeout);

    /// <summary>Starts a run through the API and returns its id.</summary>
    public async Task<string> StartRunAsync(string branch, string pipeline = PipelineNames.PullRequest)
    {
        using var response = await Client.PostAsJsonAsync("/api/runs", new { branch, pipeline });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        Folder.Dispose();
    }

    private async Task<HttpResponseMessage> PostWebhookAsync(string path, string json, string? signature, string signatureHeader, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // An empty signature sends no signature header at all.
        if (!string.IsNullOrEmpty(signature))
        {
            request.Headers.TryAddWithoutValidation(signatureHeader, signature);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }
}
