using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace Slipway.Data.Tests.Fixtures;

/// <summary>The moto AWS emulator on a free loopback port, owned by the test and stopped by its process id.</summary>
public sealed class MotoS3Fixture : IAsyncLifetime
{
    private Process? _moto;

    public IAmazonS3 S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        _moto = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler watch = (_, line) =>
        {
            if (line.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("moto ended before it was ready."));
            }
            else if (line.Data.Contains("Running on", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        _moto.ErrorDataReceived += watch;
        _moto.OutputDataReceived += watch;
        _moto.BeginErrorReadLine();
        _moto.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromMinutes(2));

        S3 = new AmazonS3Client(
            new BasicAWSCredentials("testing", "testing"),
            new AmazonS3Config { ServiceURL = $"http://127.0.0.1:{port}", ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    }

    public async Task DisposeAsync()
    {
        S3?.Dispose();
        if (_moto is { HasExited: false })
        {
            _moto.Kill();
            await _moto.WaitForExitAsync();
        }

        _moto?.Dispose();
    }
}
