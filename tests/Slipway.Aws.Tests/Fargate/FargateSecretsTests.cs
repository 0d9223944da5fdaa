using System.Text.Json.Nodes;
using Slipway.Aws.Fargate;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

/// <summary>Secrets reach Fargate tasks from SSM Parameter Store, never through the task definition.</summary>
[Collection(AwsCollection.Name)]
public sealed class FargateSecretsTests(MotoFixture moto)
{
    private const string Password = "s3cret-branch-password-7f1c";
    private const string DatabaseUrl = "mysql://app_feature_x:s3cret-branch-password-7f1c@db.internal:3306/app_feature_x";

    private static readonly Dictionary<string, string> Secrets = new() { ["DB_PASSWORD"] = Password, ["DATABASE_URL"] = DatabaseUrl };

    [Fact]
    public async Task A_playgrounds_task_definition_holds_no_secret_value_only_references_to_stored_secrets_that_teardown_removes()
    {
        var world = await moto.CreateWorldAsync();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(handler: recorder);
        var spec = new ServiceSpec("feature-x", "repo/app:feature-x-abc1234", world.Owner(), Environment: new Dictionary<string, string> { ["DB_HOST"] = "db.internal" }, Secrets: Secrets);

        await platform.StartServiceAsync(spec, CancellationToken.None);

        // Each parameter is made with its tags in the one call that makes it, in the free tier: none is ever left untagged.
        var puts = recorder.Calls.Where(call => call.Action == "ssm:PutParameter").Select(call => JsonNode.Parse(call.RequestBody)!).ToList();
        puts.Should().HaveCount(2).And.OnlyContain(put => put["Tier"]!.GetValue<string>() == "Standard" && put["Overwrite"] == null);
        puts.Select(put => put["Tags"]!.AsArray().ToDictionary(tag => tag!["Key"]!.GetValue<string>(), tag => tag!["Value"]!.GetValue<string>()))
            .Should().OnlyContain(tags => tags[Ownership.AppLabel] == world.App && tags[Ownership.BranchLabel] == "feature/x" && tags[Ownership.RunLabel] == "run-1");
        recorder.Calls.Should().NotContain(call => call.Action == "ssm:AddTagsToResource");

        var definitionArn = (await platform.ListOwnedAsync(world.App, "feature/x", CancellationToken.None)).Single(resource => resource.Type == "task-definition").Id;
        var definition = await moto.Api.TaskDefinitionAsync(definitionArn);
        await ShouldReferenceTheStoredSecretsOnlyAsync(definition);

        using var teardown = world.Platform();
        var owned = await teardown.ListOwnedAsync(world.App, "feature/x", CancellationToken.None);
        owned.Where(resource => resource.Type == "ssm-parameter").Should().HaveCount(2).And.OnlyContain(resource => resource.Label(Ownership.BranchLabel) == "feature/x");
        await teardown.RemoveAsync(owned, CancellationToken.None);

        (await moto.Api.ParameterNamesUnderAsync($"/slipway/{world.App}")).Should().BeEmpty("Teardown leaves no secret of the branch");
    }

    [Fact]
    public async Task A_tasks_secrets_are_stored_for_its_start_and_deleted_with_the_task()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();
        var spec = new TaskSpec("feature-x", "repo/app:feature-x-abc1234", TaskKind.Tests, world.Owner(), Environment: new Dictionary<string, string> { ["DB_HOST"] = "db.internal" }, Secrets: Secrets);

        await using (var run = await platform.StartTaskAsync(spec, CancellationToken.None))
        {
            await run.WaitAsync(CancellationToken.None);
            var definitionArn = (await platform.ListOwnedAsync(world.App, "feature/x", CancellationToken.None)).Single(resource => resource.Type == "task-definition").Id;
            await ShouldReferenceTheStoredSecretsOnlyAsync(await moto.Api.TaskDefinitionAsync(definitionArn));
        }

        (await moto.Api.ParameterNamesUnderAsync($"/slipway/{world.App}")).Should().BeEmpty("disposing the run removes its secrets");
    }

    [Fact]
    public async Task A_replaced_playgrounds_secrets_are_removed_and_the_new_ones_kept_while_another_branchs_stay()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();
        await platform.StartServiceAsync(new ServiceSpec("other", "repo/app:other-1111111", world.Owner("other"), Secrets: Secrets), CancellationToken.None);
        await platform.StartServiceAsync(new ServiceSpec("again", "repo/app:again-1111111", world.Owner("again", "run-1"), Secrets: Secrets), CancellationToken.None);
        await platform.StartServiceAsync(new ServiceSpec("again", "repo/app:again-2222222", world.Owner("again", "run-2"), Secrets: Secrets), CancellationToken.None);

        var stored = await moto.Api.ParameterNamesUnderAsync($"/slipway/{world.App}");

        stored.Should().HaveCount(4);
        stored.Where(name => name.Contains("-again-", StringComparison.Ordinal)).Should().OnlyContain(name => name.Contains("/run-2/", StringComparison.Ordinal));
        stored.Where(name => name.Contains("-other-", StringComparison.Ordinal)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_secret_stored_before_under_the_same_name_is_replaced_and_tagged_so_the_start_goes_on_and_teardown_finds_it()
    {
        // A retried PutParameter whose first attempt was stored (its answer lost) meets its own parameter.
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();
        var spec = new TaskSpec("feature-x", "repo/app:feature-x-abc1234", TaskKind.Tests, world.Owner(), Secrets: new Dictionary<string, string> { ["DB_PASSWORD"] = Password });
        var name = FargateNames.Secret(spec.Owner, FargateNames.Family(world.App, spec.Name, spec.Kind), "DB_PASSWORD");
        await moto.Api.PutParameterAsync(name, "an-earlier-value");

        await using (var run = await platform.StartTaskAsync(spec, CancellationToken.None))
        {
            (await moto.Api.ParameterAsync(name))!.Value.Value.Should().Be(Password);
            (await platform.ListOwnedAsync(world.App, "feature/x", CancellationToken.None))
                .Should().Contain(resource => resource.Type == "ssm-parameter" && resource.Id.EndsWith(name, StringComparison.Ordinal));
            await run.WaitAsync(CancellationToken.None);
        }

        (await moto.Api.ParameterNamesUnderAsync($"/slipway/{world.App}")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_secret_over_the_standard_tiers_4_KB_is_named_in_one_sentence_before_any_AWS_call()
    {
        var world = await moto.CreateWorldAsync();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(handler: recorder);
        // 2,049 characters, 4,098 bytes: the limit is in bytes.
        var large = new string('é', 2049);
        var secrets = new Dictionary<string, string> { ["DB_PASSWORD"] = Password, ["TLS_KEY"] = large };

        var task = () => platform.StartTaskAsync(new TaskSpec("feature-x", "repo/app:feature-x-abc1234", TaskKind.Tests, world.Owner(), Secrets: secrets), CancellationToken.None);
        var playground = () => platform.StartServiceAsync(new ServiceSpec("feature-x", "repo/app:feature-x-abc1234", world.Owner(), Secrets: secrets), CancellationToken.None);

        const string Expected = "The secret TLS_KEY is 4098 bytes, more than the 4096 an SSM Parameter Store Standard parameter holds: keep it under 4 KB, or give the task a large value another way (e.g. a file the app fetches from a bucket) — Slipway does not use the paid Advanced tier.";
        (await task.Should().ThrowAsync<AwsException>()).Which.Message.Should().Be(Expected);
        (await playground.Should().ThrowAsync<AwsException>()).Which.Message.Should().Be(Expected).And.NotContain(large);
        recorder.Calls.Should().BeEmpty("nothing is stored, registered or started");
        var atTheLimit = () => FargateSecrets.CheckSizes(new Dictionary<string, string> { ["TLS_KEY"] = new string('x', 4096) });
        atTheLimit.Should().NotThrow();
    }

    private async Task ShouldReferenceTheStoredSecretsOnlyAsync(JsonObject definition)
    {
        var json = definition.ToJsonString();
        json.Should().NotContain(Password).And.NotContain("db.internal:3306", "DescribeTaskDefinition shows no secret value");

        var container = definition["containerDefinitions"]!.AsArray()[0]!;
        container["environment"]!.AsArray().Select(variable => variable!["name"]!.GetValue<string>()).Should().Contain("DB_HOST").And.NotContain(Secrets.Keys);
        var references = container["secrets"]!.AsArray().ToDictionary(secret => secret!["name"]!.GetValue<string>(), secret => secret!["valueFrom"]!.GetValue<string>());
        references.Keys.Should().BeEquivalentTo(Secrets.Keys);
        foreach (var (name, valueFrom) in references)
        {
            valueFrom.Should().StartWith($"arn:aws:ssm:{MotoFixture.Region}:123456789012:parameter/slipway/");
            var parameterName = valueFrom[valueFrom.IndexOf(":parameter", StringComparison.Ordinal)..][":parameter".Length..];
            var stored = await moto.Api.ParameterAsync(parameterName);
            stored.Should().NotBeNull();
            stored!.Value.Arn.Should().Be(valueFrom);
            stored.Value.Value.Should().Be(Secrets[name]);
        }
    }
}
