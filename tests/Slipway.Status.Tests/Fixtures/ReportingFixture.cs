using System.Collections.Concurrent;
using Slipway.Status.Http;
using Slipway.Status.Tests.Endpoints;

namespace Slipway.Status.Tests.Fixtures;

/// <summary>
/// The world a reporting test needs: loopback Slack, GitHub and Bitbucket endpoints, the warning sink and
/// console it captures, and reporters built by the factory. Disposing it checks that nothing it captured
/// holds a secret.
/// </summary>
public sealed class ReportingFixture : IAsyncDisposable
{
    /// <summary>Fast server-error retries so outage tests stay short; rate limits still wait their Retry-After.</summary>
    public static readonly DeliveryPolicy FastPolicy = new(
        TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(5),
        ServerErrorRetries: 2,
        TimeSpan.FromMilliseconds(20));

    private readonly List<IAsyncDisposable> endpoints = [];
    private readonly ConcurrentQueue<string> warnings = new();
    private readonly ConcurrentQueue<string> extraCaptures = new();

    public StringWriter Console { get; } = new();

    public IReadOnlyList<string> Warnings => warnings.ToList();

    /// <summary>Everything captured: warnings, console output and whatever a test added with <see cref="Capture"/>.</summary>
    public string CapturedOutput => string.Join('\n', warnings.Concat(extraCaptures).Append(Console.ToString()));

    public FakeSlackApi StartSlack(string acceptedToken = TestSecrets.SlackBotToken) => Track(new FakeSlackApi(acceptedToken));

    public FakeSlackWebhook StartSlackWebhook() => Track(new FakeSlackWebhook(TestSecrets.WebhookPath));

    public FakeGitHubApi StartGitHub(string pathPrefix = "", params string[] repositories) =>
        Track(new FakeGitHubApi(TestSecrets.GitHubToken, repositories.Length == 0 ? ["acme/drupal-site"] : repositories, pathPrefix));

    /// <summary>GitHub answering a GitHub App's installation token, which may write check runs.</summary>
    public FakeGitHubApi StartGitHubForApp() => Track(new FakeGitHubApi(TestSecrets.GitHubAppToken, ["acme/drupal-site"]));

    public FakeBitbucketApi StartBitbucketWithAppPassword() =>
        Track(FakeBitbucketApi.WithAppPassword(TestSecrets.BitbucketUsername, TestSecrets.BitbucketAppPassword, "acme/drupal-site"));

    public FakeBitbucketApi StartBitbucketWithAccessToken() =>
        Track(FakeBitbucketApi.WithAccessToken(TestSecrets.BitbucketAccessToken, "acme/drupal-site"));

    public CompositeStatusReporter CreateReporter(StatusSettings settings) =>
        StatusReporterFactory.Create(settings, Console, warnings.Enqueue, httpClient: null, FastPolicy);

    /// <summary>Adds text (an exception message, a ToString) to what the secret check covers.</summary>
    public void Capture(string text) => extraCaptures.Enqueue(text);

    public async ValueTask DisposeAsync()
    {
        foreach (var endpoint in endpoints)
        {
            await endpoint.DisposeAsync();
        }

        var captured = CapturedOutput;
        foreach (var secret in TestSecrets.All)
        {
            captured.Should().NotContain(secret, "secrets never appear in warnings, console output or messages");
        }
    }

    private T Track<T>(T endpoint)
        where T : IAsyncDisposable
    {
        endpoints.Add(endpoint);
        return endpoint;
    }
}
