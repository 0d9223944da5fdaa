using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Slipway.TestSupport;

/// <summary>Loopback ports for the peers the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 nobody listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on the port; fails when its process exits first.</summary>
    public static async Task WaitUntilListeningAsync(int port, Process owner, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (owner.HasExited)
            {
                throw new InvalidOperationException($"{owner.StartInfo.FileName} exited with code {owner.ExitCode} before it listened on 127.0.0.1:{port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} within {timeout}.");
    }
}
