using System.Diagnostics;

namespace Slipway.TestSupport;

/// <summary>A peer the tests start (moto, a registry), listening on a loopback port, and stop by its process id.</summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private PeerProcess(Process process) => _process = process;

    /// <summary>Starts the peer and returns once it accepts connections on <paramref name="port"/>.</summary>
    /// <param name="timeout">How long it may take to listen; two minutes when null (moto is slow to start on a busy machine).</param>
    public static async Task<PeerProcess> StartAsync(string fileName, IReadOnlyList<string> arguments, int port, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");

        // A chatty peer must never block on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new PeerProcess(process);
        try
        {
            await LoopbackPort.WaitUntilListeningAsync(port, process, timeout ?? TimeSpan.FromMinutes(2));
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }

        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
