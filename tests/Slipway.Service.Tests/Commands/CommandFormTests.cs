using System.Net;
using System.Net.Http.Headers;
using Slipway.Service.Queue;
using Slipway.Status;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Commands;

/// <summary>
/// QA start a command against a branch from the page: one from the branch's allow-list for anyone who may use the
/// page, a free-form one only with the service token typed in with it. The run carries the words, never shell text.
/// </summary>
public sealed class CommandFormTests
{
    private const string Token = "service-token-for-commands-5e1";

    [Fact]
    public async Task AnAllowListedCommand_IsQueuedAsARun_WithTheAllowListsOwnWords()
    {
        var folder = new TemporaryFolder();
        BranchWorld.Config(folder, "site", "feature/x", "commands:\n  - drush cr\n  - drush updb -y\n");
        await using var service = await ServiceUnderTest.StartAsync(folder: folder, seed: store => BranchWorld.Playground(store, "site", "feature/x", DateTimeOffset.UtcNow));

        var page = await service.Client.GetStringAsync("/commands");
        using var response = await service.Client.PostAsync("/commands", Form(("command", "drush updb -y")));

        page.Should().Contain("<option value=\"drush updb -y\">drush updb -y</option>");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var run = (await service.RunsAsync()).Single();
        response.Headers.Location!.ToString().Should().Be($"/runs/{run.Id}");
        (run.Request.Pipeline, run.Request.Branch, run.Request.Trigger).Should().Be((PipelineNames.Run, "feature/x", RunTriggers.Form));
        run.Request.Command.Should().Equal("drush", "updb", "-y");
        await service.Pipeline.WaitForStartsAsync(1);
        service.Pipeline.Runs.Single().Request.Command.Should().Equal("drush", "updb", "-y");
    }

    [Fact]
    public async Task ACommandNotOnTheAllowList_IsRefusedInOneSentence_AndNothingIsQueued()
    {
        var folder = new TemporaryFolder();
        BranchWorld.Config(folder, "site", "feature/x", "commands: [drush cr]\n");
        await using var service = await ServiceUnderTest.StartAsync(folder: folder, seed: store => BranchWorld.Playground(store, "site", "feature/x", DateTimeOffset.UtcNow));

        using var response = await service.Client.PostAsync("/commands", Form(("command", "drush sql-drop -y")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(
            "&#39;drush sql-drop -y&#39; is not on the app&#39;s command allow-list (allowed: drush cr): add it under commands in .slipway.yml, or start it with the service token.");
        (await service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task AFreeFormCommand_NeedsTheServiceTokenTypedIn_NotJustAccessToThePage()
    {
        var folder = new TemporaryFolder();
        await using var service = await ServiceUnderTest.StartAsync(
            options => options with { Token = Token }, folder: folder, seed: store => BranchWorld.Playground(store, "site", "feature/x", DateTimeOffset.UtcNow));
        service.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var without = await service.Client.PostAsync("/commands", Form(("free", "drush sql-query 'DROP TABLE users'")));
        using var wrong = await service.Client.PostAsync("/commands", Form(("free", "drush status"), ("token", "guess")));
        using var with = await service.Client.PostAsync("/commands", Form(("free", "drush php-eval 'echo $x;' ; rm -rf /"), ("token", Token)));

        without.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await without.Content.ReadAsStringAsync()).Should().Contain("A free-form command needs the service token typed in with it");
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        with.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await service.RunsAsync()).Single().Request.Command.Should().Equal("drush", "php-eval", "echo $x;", ";", "rm", "-rf", "/");
    }

    [Fact]
    public async Task AFreeFormCommand_OnAServiceWithoutAToken_IsRefused()
    {
        await using var service = await ServiceUnderTest.StartAsync(seed: store => BranchWorld.Playground(store, "site", "feature/x", DateTimeOffset.UtcNow));

        using var response = await service.Client.PostAsync("/commands", Form(("free", "drush status")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Free-form commands need the service token, and this service has none");
        (await service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ACommandForABranchWithoutAPlayground_IsRefusedInOneSentence()
    {
        await using var service = await ServiceUnderTest.StartAsync();

        using var response = await service.Client.PostAsync("/commands", Form(("command", "drush cr")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("feature/x of site has no playground to run a command against: start its playground first.");
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new([new("app", "site"), new("branch", "feature/x"), .. fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value))]);
}
