using System.Net;
using System.Net.Sockets;
using System.Text;
using Slipway.Service.Tests.Fixtures;
using Slipway.Service.Webhooks;

namespace Slipway.Service.Tests.Webhooks;

/// <summary>
/// What an unauthenticated sender can make the service hold: nothing for an unsigned delivery, a few buffers for
/// a forged one however large; and a signed delivery replayed under a new id header starts nothing new.
/// </summary>
[Collection(MemoryMeasurements.Name)]
public sealed class WebhookBodyTests
{
    [Fact]
    public async Task UnsignedDelivery_IsRefusedBeforeItsBodyIsSent()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, service.Host.Address.Port);
        var stream = client.GetStream();
        var head = "POST /hooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                   $"X-GitHub-Event: pull_request\r\nContent-Length: {24 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[64 * 1024]);

        // The other 24 MB are never sent: the answer must not wait for them.
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));

        status.Should().StartWith("HTTP/1.1 401");
        (await service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ForgedLargeDeliveries_DoNotPileUpInMemory()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        const int Deliveries = 6;
        const int Size = 20 * 1024 * 1024;
        var forged = "sha256=" + new string('0', 64);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        for (var index = 0; index < Deliveries; index++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/github") { Content = new StreamContent(new ZeroStream(Size)) };
            request.Content.Headers.ContentLength = Size;
            request.Headers.Add("X-GitHub-Event", "pull_request");
            request.Headers.Add("X-Hub-Signature-256", forged);
            using var response = await service.Client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        allocated.Should().BeLessThan(Deliveries * (long)Size / 4, "a forged body is checked as it streams by, not gathered in memory first");
    }

    [Fact]
    public async Task LargeSignedDelivery_IsStillRead()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var payload = Payloads.Read("github-pull_request-opened");
        var padded = payload.TrimEnd().TrimEnd('}') + ", \"padding\": \"" + new string('x', 2 * VerifiedBody.InMemoryLimit) + "\"}";

        using var response = await service.PostGitHubAsync("pull_request", padded);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedDeliveryReplayedUnderANewIdHeader_IsADuplicateOfTheFirst()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var payload = Payloads.Read("github-pull_request-opened");

        using var first = await service.PostGitHubAsync("pull_request", payload, Guid.NewGuid().ToString());
        using var replayed = await service.PostGitHubAsync("pull_request", payload, Guid.NewGuid().ToString());

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        replayed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await replayed.Content.ReadAsStringAsync()).Should().Contain("\"duplicate\"");
        (await service.RunsAsync()).Should().ContainSingle();
    }

    /// <summary>A body of zeros made as it is read, so the test itself allocates nothing of its size.</summary>
    private sealed class ZeroStream(long size) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => size;

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, size - _read);
            Array.Clear(buffer, offset, read);
            _read += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Tests that measure the process's allocations run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "memory measurements";
}
