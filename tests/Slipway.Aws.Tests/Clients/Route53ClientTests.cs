using Slipway.Aws.Route53;
using Slipway.Aws.Tests.Fixtures;

namespace Slipway.Aws.Tests.Clients;

[Collection(AwsCollection.Name)]
public sealed class Route53ClientTests(MotoFixture moto)
{
    [Fact]
    public async Task A_hosted_zone_is_found_by_its_exact_name_only()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();

        var found = await clients.Route53.FindHostedZoneAsync(world.Domain, CancellationToken.None);
        var missing = await clients.Route53.FindHostedZoneAsync("nobody-" + world.Domain, CancellationToken.None);

        found.Should().Be(new HostedZone(world.ZoneId, world.Domain + "."));
        missing.Should().BeNull();
    }

    [Fact]
    public async Task An_upserted_record_is_readable_with_its_value_and_ttl_until_it_is_deleted()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        var record = new ResourceRecordSet($"demo.{world.Domain}.", "A", 60, ["10.1.2.3"]);

        var upsert = await clients.Route53.ChangeAsync(world.ZoneId, RecordChange.Upsert, record, CancellationToken.None);
        var change = await clients.Route53.GetChangeAsync(upsert.Id, CancellationToken.None);
        var written = await clients.Route53.FindRecordAsync(world.ZoneId, $"demo.{world.Domain}", "A", CancellationToken.None);
        await clients.Route53.ChangeAsync(world.ZoneId, RecordChange.Delete, record, CancellationToken.None);
        var deleted = await clients.Route53.FindRecordAsync(world.ZoneId, $"demo.{world.Domain}", "A", CancellationToken.None);

        change.IsInSync.Should().BeTrue();
        written.Should().BeEquivalentTo(record);
        deleted.Should().BeNull();
    }

    [Fact]
    public async Task Deleting_a_record_with_a_value_it_does_not_have_is_refused_and_leaves_the_record()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        var record = new ResourceRecordSet($"demo.{world.Domain}.", "A", 60, ["10.1.2.3"]);
        await clients.Route53.ChangeAsync(world.ZoneId, RecordChange.Upsert, record, CancellationToken.None);

        var delete = () => clients.Route53.ChangeAsync(world.ZoneId, RecordChange.Delete, record with { Values = ["10.9.9.9"] }, CancellationToken.None);

        (await delete.Should().ThrowAsync<AwsException>()).Which.Action.Should().Be("route53:ChangeResourceRecordSets");
        (await clients.Route53.FindRecordAsync(world.ZoneId, record.Name, "A", CancellationToken.None)).Should().BeEquivalentTo(record);
    }
}
