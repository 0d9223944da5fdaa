using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Slipway.Service.Tests.Apps;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Webhooks;

/// <summary>
/// A signed delivery is still untrusted input: whoever can make the provider send one (any pull request author) chooses
/// its branch, its head repository and its clone URL. None of them may become a git option or a command on this host.
/// </summary>
public sealed class UntrustedWebhookFieldsTests : IAsyncDisposable
{
    private readonly TemporaryFolder _folder = new();
    private ServiceUnderTest? _service;

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task CloneUrlThatIsAGitOption_OfAnUnconfiguredRepository_IsIgnoredAndNeverRuns()
    {
        // The service's root is a repository with a remote, as a real Slipway checkout is: there an injected
        // --upload-pack would run against origin.
        var marker = _folder.Combine("upload-pack-ran");
        var origin = LocalRepositories.CreateBare(_folder, "origin.git", "main");
        var root = new TemporaryFolder();
        LocalRepositories.Git(root.Path, "init", "-q");
        LocalRepositories.Git(root.Path, "remote", "add", "origin", origin);
        _service = await ServiceUnderTest.StartAsync(folder: root, branches: null);
        var hostile = $"--upload-pack=:;touch {marker};git-upload-pack";
        var payload = Payloads.Read(
            "github-pull_request-opened",
            ("acme/site", "evil/site"),
            ("\"clone_url\": \"https://github.com/acme/site.git\"", $"\"clone_url\": {JsonSerializer.Serialize(hostile)}"));

        using var response = await _service.PostGitHubAsync("pull_request", payload);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("ignored");
        body.GetProperty("reason").GetString().Should().Contain("evil/site").And.Contain("--service-apps");
        (await _service.RunsAsync()).Should().BeEmpty();

        // Every app the service now offers has its branches listed, as the form and the API would.
        var apps = await _service.Client.GetFromJsonAsync<JsonElement>("/api/apps");
        foreach (var app in apps.EnumerateArray())
        {
            using var _ = await _service.Client.GetAsync($"/api/apps/{Uri.EscapeDataString(app.GetProperty("name").GetString()!)}/branches");
            app.GetProperty("source").GetString().Should().NotContain("upload-pack");
        }

        File.Exists(marker).Should().BeFalse("a clone URL from a payload must never reach git");
    }

    [Fact]
    public async Task CloneUrlOfAConfiguredRepository_IsNotWhatIsBuilt()
    {
        _service = await ServiceUnderTest.StartAsync();
        var payload = Payloads.Read(
            "github-pull_request-opened",
            ("\"clone_url\": \"https://github.com/acme/site.git\"", "\"clone_url\": \"https://attacker.example/other.git\""));

        using var response = await _service.PostGitHubAsync("pull_request", payload);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await _service.RunsAsync()).Should().ContainSingle().Which.Request.App.Should().Be("https://github.com/acme/site.git");
    }

    [Theory]
    [InlineData("--branch=sec-injected")]
    [InlineData("-h")]
    [InlineData("--plan")]
    [InlineData("../../etc")]
    [InlineData("feature/x y")]
    public async Task HeadBranchThatIsNotABranchName_IsRefusedOnArrivalWith400(string branch)
    {
        _service = await ServiceUnderTest.StartAsync();
        var payload = Payloads.Read("github-pull_request-opened", ("\"ref\": \"feature/login\"", $"\"ref\": {JsonSerializer.Serialize(branch)}"));

        using var response = await _service.PostGitHubAsync("pull_request", payload);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("is not a valid git branch name");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task BitbucketSourceBranchThatIsAnOption_IsRefusedOnArrivalWith400()
    {
        _service = await ServiceUnderTest.StartAsync();
        var payload = Payloads.Read("bitbucket-pullrequest-created", ("\"name\": \"feature/search\"", "\"name\": \"--plan\""));

        using var response = await _service.PostBitbucketAsync("pullrequest:created", payload);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HeadCommitThatIsNotACommitId_IsRefusedOnArrivalWith400()
    {
        _service = await ServiceUnderTest.StartAsync();
        var payload = Payloads.Read(
            "github-pull_request-opened", ("6dcb09b5b57875f334f61aebed695e2e4193db5e", "--output=/tmp/x"));

        using var response = await _service.PostGitHubAsync("pull_request", payload);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("is not a commit id");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task PullRequestFromAFork_IsIgnoredSoItsBranchNameNeverBuildsUpstreamCode()
    {
        _service = await ServiceUnderTest.StartAsync();
        var payload = Payloads.Read(
            "github-pull_request-opened",
            ("\"full_name\": \"acme/site\",\n        \"private\": true", "\"full_name\": \"mallory/site\",\n        \"private\": true"));

        using var response = await _service.PostGitHubAsync("pull_request", payload);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should().Contain("fork 'mallory/site'");
        (await _service.RunsAsync()).Should().BeEmpty();
    }
}
