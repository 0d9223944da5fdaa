using System.Text;
using Slipway.Data.Dumps;
using Slipway.Data.Tests.Fixtures;

namespace Slipway.Data.Tests.Dumps;

public sealed class S3DumpStoreTests(MotoS3Fixture moto) : IClassFixture<MotoS3Fixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Dumps_go_to_the_bucket_the_newest_is_latest_and_only_the_newest_N_are_kept()
    {
        await moto.S3.PutBucketAsync("team-dumps");
        var store = new S3DumpStore(moto.S3, "team-dumps", "slipway/");

        foreach (var night in Enumerable.Range(0, 3))
        {
            await store.SaveAsync(StoredDump.At("shop", Monday.AddDays(night)), (stream, token) => stream.WriteAsync(Encoding.UTF8.GetBytes($"night {night}"), token).AsTask(), keep: 2, CancellationToken.None);
        }

        var latest = await store.FindLatestAsync("shop", CancellationToken.None);
        latest.Should().Be(new StoredDump("shop", "20261209T020000Z.sql.gz"));
        (await store.ListAsync("shop", CancellationToken.None)).Select(dump => dump.Name)
            .Should().Equal("20261208T020000Z.sql.gz", "20261209T020000Z.sql.gz");
        await using var content = await store.OpenReadAsync(latest!, CancellationToken.None);
        (await new StreamReader(content).ReadToEndAsync()).Should().Be("night 2");
        (await moto.S3.GetObjectMetadataAsync("team-dumps", "slipway/shop/20261209T020000Z.sql.gz")).ContentLength.Should().Be(7);
    }

    [Fact]
    public async Task An_app_without_dumps_has_no_latest()
    {
        await moto.S3.PutBucketAsync("empty-dumps");

        (await new S3DumpStore(moto.S3, "empty-dumps").FindLatestAsync("shop", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_missing_bucket_is_named_with_what_to_do()
    {
        var store = new S3DumpStore(moto.S3, "no-such-bucket");

        var save = () => store.SaveAsync(StoredDump.At("shop", Monday), (stream, token) => stream.WriteAsync(new byte[] { 1 }, token).AsTask(), 2, CancellationToken.None);

        (await save.Should().ThrowAsync<DataException>()).Which.Message
            .Should().Be("The bucket 'no-such-bucket' does not exist: create it or fix --dump-bucket.");
    }
}
