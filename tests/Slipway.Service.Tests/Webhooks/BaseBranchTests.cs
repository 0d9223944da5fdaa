using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Slipway.Pipeline;
using Slipway.Pipeline.Running;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Webhooks;

/// <summary>
/// A pull request's findings are new against the branch it merges into, as its webhook names it (GitHub's
/// <c>pull_request.base.ref</c>, Bitbucket's <c>pullrequest.destination.branch.name</c>): the service's
/// <c>--base-branch</c> is only the default for runs no webhook started. The base ref is untrusted input like the head's.
/// </summary>
public sealed class BaseBranchTests
{
    /// <summary>The service's own default, as <c>./build.sh Serve --base-branch develop</c> sets it.</summary>
    private static readonly PipelineSettings ServiceDefaults = new("/slipway", "/slipway/work", "", "", BaseBranch: "develop");

    [Fact]
    public async Task GitHubPullRequestIntoRelease2_IsComparedWithRelease2_NotTheServiceDefault()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var requests = Capture(service);

        using var response = await service.PostGitHubAsync(
            "pull_request", Payloads.Read("github-pull_request-opened", ("\"ref\": \"main\"", "\"ref\": \"release/2\"")));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var request = await SingleRequestAsync(service, requests);
        request.BaseBranch.Should().Be("release/2");
        request.Apply(ServiceDefaults).BaseBranch.Should().Be("release/2");
    }

    [Fact]
    public async Task BitbucketPullRequestIntoRelease2_IsComparedWithRelease2_NotTheServiceDefault()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var requests = Capture(service);
        var payload = Payloads.Read(
            "bitbucket-pullrequest-created",
            ("\"destination\": {\n      \"branch\": {\n        \"name\": \"main\"", "\"destination\": {\n      \"branch\": {\n        \"name\": \"release/2\""));

        using var response = await service.PostBitbucketAsync("pullrequest:created", payload);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var request = await SingleRequestAsync(service, requests);
        request.BaseBranch.Should().Be("release/2");
        request.Apply(ServiceDefaults).BaseBranch.Should().Be("release/2");
    }

    [Fact]
    public void ARunNoWebhookStarted_KeepsTheServiceDefault()
    {
        new PipelineRequest(PipelineNames.PullRequest, "https://github.com/acme/site.git", "feature/login").Apply(ServiceDefaults)
            .BaseBranch.Should().Be("develop");
    }

    [Theory]
    [InlineData("--upload-pack=touch")]
    [InlineData("-x")]
    [InlineData("release 2")]
    [InlineData("../../etc")]
    public async Task BaseRefThatIsNotABranchName_IsRefusedOnArrivalWith400(string baseRef)
    {
        await using var service = await ServiceUnderTest.StartAsync();

        using var response = await service.PostGitHubAsync(
            "pull_request", Payloads.Read("github-pull_request-opened", ("\"ref\": \"main\"", $"\"ref\": {JsonSerializer.Serialize(baseRef)}")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("base branch").And.Contain("is not a valid git branch name");
        (await service.RunsAsync()).Should().BeEmpty();
    }

    private static ConcurrentQueue<PipelineRequest> Capture(ServiceUnderTest service)
    {
        var requests = new ConcurrentQueue<PipelineRequest>();
        service.Pipeline.Behaviour = run =>
        {
            requests.Enqueue(run.Request);
            return Task.FromResult(0);
        };
        return requests;
    }

    // Read back after the queue stored and reloaded the run: the base branch survives the queue, not only the webhook.
    private static async Task<PipelineRequest> SingleRequestAsync(ServiceUnderTest service, ConcurrentQueue<PipelineRequest> requests)
    {
        var run = (await service.RunsAsync()).Single();
        run.Request.BaseBranch.Should().Be("release/2");
        await service.WaitForStateAsync(run.Id, RunState.Succeeded);
        return requests.Should().ContainSingle().Subject;
    }
}
