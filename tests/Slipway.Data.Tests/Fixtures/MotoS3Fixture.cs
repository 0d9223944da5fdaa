using Amazon.Runtime;
using Amazon.S3;

namespace Slipway.Data.Tests.Fixtures;

/// <summary>The moto AWS emulator on a free loopback port, owned by the test and stopped by its process id.</summary>
public sealed class MotoS3Fixture : IAsyncLifetime
{
    private PeerProcess? _moto;

    public IAmazonS3 S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = LoopbackPort.Free();
        _moto = await PeerProcess.StartAsync("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString()], port);

        S3 = new AmazonS3Client(
            new BasicAWSCredentials("testing", "testing"),
            new AmazonS3Config { ServiceURL = $"http://127.0.0.1:{port}", ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    }

    public async Task DisposeAsync()
    {
        S3?.Dispose();
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }
}
