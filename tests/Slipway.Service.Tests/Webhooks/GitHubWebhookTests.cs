using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Webhooks;

public sealed class GitHubWebhookTests : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("opened", "6dcb09b5b57875f334f61aebed695e2e4193db5e")]
    [InlineData("reopened", "6dcb09b5b57875f334f61aebed695e2e4193db5e")]
    [InlineData("synchronize", "c3f1e2a8d9b04e7f6a5b4c3d2e1f0a9b8c7d6e5f")]
    public async Task PullRequestOpenedReopenedOrPushed_QueuesPullRequestForTheHeadCommit(string action, string headSha)
    {
        var payload = action == "reopened"
            ? Payloads.Read("github-pull_request-opened", ("\"action\": \"opened\"", "\"action\": \"reopened\""))
            : Payloads.Read("github-pull_request-" + action);

        using var response = await _service.PostGitHubAsync("pull_request", payload);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await StoredRunAsync(response);
        run.Request.Should().BeEquivalentTo(new RunRequest(
            PipelineNames.PullRequest, "site", "https://github.com/acme/site.git", "feature/login", headSha, "acme/site", 42,
            "https://github.com/acme/site/pull/42", RunTriggers.GitHub, run.Request.DeliveryId) { BaseBranch = "main" });
        run.Request.DeliveryId.Should().StartWith("github:");
    }

    [Fact]
    public async Task PullRequestClosed_QueuesTeardownOfTheBranch()
    {
        using var response = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-closed"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await StoredRunAsync(response);
        run.Request.Pipeline.Should().Be(PipelineNames.Teardown);
        run.Request.Branch.Should().Be("feature/login");
        run.Request.AppName.Should().Be("site");
    }

    [Fact]
    public async Task ReviewSubmittedApproved_QueuesApprovedForTheReviewedCommit()
    {
        using var response = await _service.PostGitHubAsync("pull_request_review", Payloads.Read("github-pull_request_review-submitted"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await StoredRunAsync(response);
        run.Request.Pipeline.Should().Be(PipelineNames.Approved);
        run.Request.Commit.Should().Be("6dcb09b5b57875f334f61aebed695e2e4193db5e");
        run.Request.PullRequest.Should().Be(42);
    }

    [Theory]
    [InlineData("pull_request_review", "github-pull_request_review-submitted", "\"state\": \"approved\"", "\"state\": \"commented\"")]
    [InlineData("pull_request", "github-pull_request-opened", "\"action\": \"opened\"", "\"action\": \"labeled\"")]
    [InlineData("push", "github-push", "", "")]
    [InlineData("issues", "github-push", "", "")]
    public async Task EventsThatStartNothing_AreAnsweredAndIgnored(string eventName, string payloadName, string from, string to)
    {
        var payload = from.Length == 0 ? Payloads.Read(payloadName) : Payloads.Read(payloadName, (from, to));

        using var response = await _service.PostGitHubAsync(eventName, payload);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("ignored");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPongAndStoresNothing()
    {
        using var response = await _service.PostGitHubAsync("ping", Payloads.Read("github-ping"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("pong");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=6dcb09b5b57875f334f61aebed695e2e4193db5e")]
    [InlineData("sha256=not-hex")]
    [InlineData("")]
    public async Task BadOrMissingSignature_IsRefusedWith401AndStoresNothing(string signature)
    {
        using var response = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened"), signature: signature);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task SignatureMadeWithAnotherSecret_IsRefusedWith401()
    {
        var payload = Payloads.Read("github-pull_request-opened");
        var forged = Slipway.Service.Webhooks.WebhookSignature.Sign("another-secret", System.Text.Encoding.UTF8.GetBytes(payload));

        using var response = await _service.PostGitHubAsync("pull_request", payload, signature: forged);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("X-Hub-Signature-256").And.NotContain(ServiceUnderTest.GitHubSecret);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task SignedPayloadThatIsNotJson_IsRefusedWith400AndStoresNothing()
    {
        using var response = await _service.PostGitHubAsync("pull_request", "{\"action\": \"opened\", \"pull_request\": ");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not valid JSON");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task PayloadWithoutTheHeadBranch_IsRefusedWith400NamingTheField()
    {
        var payload = Payloads.Read("github-pull_request-opened", ("\"ref\": \"feature/login\",", ""));

        using var response = await _service.PostGitHubAsync("pull_request", payload);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("pull_request.head.ref");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task RepeatedDelivery_IsAcceptedOnceAndAnsweredWithTheFirstRun()
    {
        var payload = Payloads.Read("github-pull_request-opened");
        var delivery = Guid.NewGuid().ToString();

        using var first = await _service.PostGitHubAsync("pull_request", payload, delivery);
        using var second = await _service.PostGitHubAsync("pull_request", payload, delivery);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var secondBody = await second.Content.ReadFromJsonAsync<JsonElement>();
        secondBody.GetProperty("status").GetString().Should().Be("duplicate");
        secondBody.GetProperty("runId").GetString().Should().Be(firstBody.GetProperty("runId").GetString());
        (await _service.RunsAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task WithoutAConfiguredSecret_DeliveriesAreRefusedNamingTheVariable()
    {
        await using var unconfigured = await ServiceUnderTest.StartAsync(options => options with { GitHubWebhookSecret = null });

        using var response = await unconfigured.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("GITHUB_WEBHOOK_SECRET");
        (await unconfigured.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task MappedRepository_IsBuiltFromTheMappedSource()
    {
        var folder = new TemporaryFolder();
        var source = folder.Combine("acme-site");
        Directory.CreateDirectory(source);
        await using var mapped = await ServiceUnderTest.StartAsync(
            options => options with { Apps = new Dictionary<string, string> { ["acme/site"] = source } }, folder: folder);

        using var response = await mapped.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened"));

        var run = await StoredRunAsync(response, mapped);
        run.Request.App.Should().Be(source);
        run.Request.AppName.Should().Be("acme-site");
    }

    private async Task<QueuedRun> StoredRunAsync(HttpResponseMessage response, ServiceUnderTest? service = null)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("runId").GetString()!;
        // Stored before the answer: it is there the moment the answer is.
        return (await (service ?? _service).Queue.FindAsync(id, CancellationToken.None))!;
    }
}
