using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.TestSupport;

/// <summary>How the proxy misbehaves.</summary>
public enum ProxyFault
{
    /// <summary>Passes everything through.</summary>
    None,

    /// <summary>Stops listening, so new connections are refused; open ones are reset.</summary>
    Refuse,

    /// <summary>Resets every connection as soon as data moves.</summary>
    Reset,

    /// <summary>Accepts and reads, but never passes anything on: the peer seems to hang.</summary>
    Stall,
}

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of the emulator, which the test makes refuse, reset or stall
/// connections — at once, or from the moment a request naming an operation passes through it.
/// </summary>
public sealed class FaultyProxy : IAsyncDisposable
{
    private readonly IPEndPoint upstream;
    private readonly int port;
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private TcpListener? listener;
    private ProxyFault fault;
    private (string Marker, ProxyFault Fault)? trigger;
    private int resetsLeft;

    public FaultyProxy(Uri upstreamUrl)
    {
        upstream = new IPEndPoint(IPAddress.Parse(upstreamUrl.Host), upstreamUrl.Port);
        port = LoopbackPort.Free();
        Url = new Uri($"http://127.0.0.1:{port}/");
        Listen();
    }

    public Uri Url { get; }

    /// <summary>How many requests naming a marker passed through (or were stopped) so far.</summary>
    public int Triggered { get; private set; }

    /// <summary>The fault in force; setting one other than <see cref="ProxyFault.None"/> also breaks the open connections.</summary>
    public ProxyFault Fault
    {
        get => fault;
        set
        {
            lock (gate)
            {
                fault = value;
                if (value == ProxyFault.Refuse)
                {
                    listener?.Stop();
                    listener = null;
                }
                else if (listener is null)
                {
                    Listen();
                }

                if (value is ProxyFault.Refuse or ProxyFault.Reset)
                {
                    foreach (var socket in open.Keys)
                    {
                        Reset(socket);
                    }
                }
            }
        }
    }

    /// <summary>From the first request whose bytes contain <paramref name="marker"/> (e.g. an X-Amz-Target), that request included, <paramref name="fault"/> is in force.</summary>
    public void FaultFrom(string marker, ProxyFault fault) => trigger = (marker, fault);

    /// <summary>Resets the connections of the next <paramref name="requests"/> requests, then passes everything through again.</summary>
    public void ResetNext(int requests) => Interlocked.Exchange(ref resetsLeft, requests);

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        lock (gate)
        {
            listener?.Stop();
            listener = null;
        }

        foreach (var socket in open.Keys)
        {
            Reset(socket);
        }

        stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Listen()
    {
        var started = new TcpListener(IPAddress.Loopback, port);
        started.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        started.Start();
        listener = started;
        _ = AcceptAsync(started);
    }

    private async Task AcceptAsync(TcpListener accepting)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await accepting.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        open[client] = 0;
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        open[server] = 0;
        try
        {
            await server.ConnectAsync(upstream, stopping.Token);
            await Task.WhenAny(PumpAsync(client, server, inspect: true), PumpAsync(server, client, inspect: false));
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            if (fault != ProxyFault.Stall)
            {
                Close(client);
                Close(server);
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool inspect)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping.Token);
            if (read == 0)
            {
                return;
            }

            if (inspect && Interlocked.Decrement(ref resetsLeft) >= 0)
            {
                Reset(from);
                Reset(to);
                return;
            }

            if (inspect && trigger is { } armed && Encoding.ASCII.GetString(buffer, 0, read).Contains(armed.Marker, StringComparison.Ordinal))
            {
                Triggered++;
                Fault = armed.Fault;
            }

            switch (fault)
            {
                case ProxyFault.Refuse or ProxyFault.Reset:
                    Reset(from);
                    Reset(to);
                    return;
                case ProxyFault.Stall:
                    // Hold the connection open and say nothing, until the proxy is disposed.
                    await Task.Delay(Timeout.Infinite, stopping.Token);
                    return;
            }

            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stopping.Token);
        }
    }

    private void Reset(Socket socket)
    {
        try
        {
            // Linger 0 makes the close an RST, as a dropped connection looks to the client.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }

        open.TryRemove(socket, out _);
    }

    private void Close(Socket socket)
    {
        socket.Dispose();
        open.TryRemove(socket, out _);
    }
}
