using Slipway.Aws.Tests.Fixtures;

namespace Slipway.Aws.Tests.Clients;

[Collection(AwsCollection.Name)]
public sealed class CloudWatchLogsClientTests(MotoFixture moto)
{
    [Fact]
    public async Task Creating_a_log_group_that_exists_is_fine()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();

        await clients.Logs.CreateLogGroupAsync(world.LogGroup, CancellationToken.None);
        var again = () => clients.Logs.CreateLogGroupAsync(world.LogGroup, CancellationToken.None);
        await clients.Logs.PutRetentionPolicyAsync(world.LogGroup, 14, CancellationToken.None);

        await again.Should().NotThrowAsync();
    }

    [Fact]
    public async Task A_stream_is_read_from_its_start_page_by_page_until_the_forward_token_stops_changing()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        await clients.Logs.CreateLogGroupAsync(world.LogGroup, CancellationToken.None);
        var lines = Enumerable.Range(1, 25).Select(number => $"line {number}").ToList();
        await moto.Api.WriteLogAsync(world.LogGroup, "app/tests/task1", lines);

        var pages = new List<IReadOnlyList<string>>();
        await foreach (var page in clients.Logs.ReadStreamAsync(world.LogGroup, "app/tests/task1", pageSize: 10, CancellationToken.None))
        {
            pages.Add(page.Select(logEvent => logEvent.Message).ToList());
        }

        pages.Select(page => page.Count).Should().Equal(10, 10, 5);
        pages.SelectMany(page => page).Should().Equal(lines);
    }

    [Fact]
    public async Task A_stream_that_does_not_exist_reads_as_empty()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        await clients.Logs.CreateLogGroupAsync(world.LogGroup, CancellationToken.None);

        var pages = new List<object>();
        await foreach (var page in clients.Logs.ReadStreamAsync(world.LogGroup, "app/tests/never-started", pageSize: null, CancellationToken.None))
        {
            pages.Add(page);
        }

        pages.Should().BeEmpty();
    }
}
