using Slipway.Data.Dumps;

namespace Slipway.Data.Tests.Dumps;

public sealed class LocalDumpStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"slipway-dumps-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_dump_leaves_the_previous_one_latest_and_no_partial_file()
    {
        var store = new LocalDumpStore(_root);
        var good = await store.SaveAsync(StoredDump.At("shop", DateTimeOffset.UnixEpoch), (stream, token) => stream.WriteAsync(new byte[] { 1 }, token).AsTask(), 3, CancellationToken.None);

        var failing = () => store.SaveAsync(StoredDump.At("shop", DateTimeOffset.UnixEpoch.AddDays(1)),
            async (stream, token) =>
            {
                await stream.WriteAsync(new byte[] { 2 }, token);
                throw new DataException("mysqldump failed.");
            }, 3, CancellationToken.None);

        await failing.Should().ThrowAsync<DataException>();
        (await store.FindLatestAsync("shop", CancellationToken.None)).Should().Be(good);
        Directory.GetFiles(Path.Combine(_root, "shop")).Select(Path.GetFileName).Should().BeEquivalentTo("latest", good.Name);
    }

    [Fact]
    public async Task Opening_a_missing_dump_says_to_run_DumpDatabase()
    {
        var open = () => new LocalDumpStore(_root).OpenReadAsync(new StoredDump("shop", "20260101T000000Z.sql.gz"), CancellationToken.None);

        (await open.Should().ThrowAsync<DataException>()).Which.Message.Should().EndWith("run DumpDatabase first.");
    }
}
