using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven over the Chrome DevTools protocol on 127.0.0.1: navigate, evaluate
/// JavaScript in the page, wait for something to show. Stopped by its PID (and its child processes) on dispose.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TemporaryFolder _profile;
    private readonly ClientWebSocket _socket;
    private int _nextId;

    private HeadlessChromium(Process process, TemporaryFolder profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
    }

    /// <summary>The browser binary: the real one behind Debian's wrapper script, else whatever is on PATH.</summary>
    public static string? Executable =>
        File.Exists("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium"
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    public static async Task<HeadlessChromium> StartAsync()
    {
        var executable = Executable ?? throw new InvalidOperationException("Chromium is not installed: apt-get install chromium (scripts/install-prerequisites.sh does).");
        var profile = new TemporaryFolder();
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.Path,
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(flag);
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var endpoint = await ReadDevToolsPortAsync(process);
        using var http = new HttpClient { BaseAddress = endpoint };
        var targets = await http.GetFromJsonAsync<JsonElement>("/json/list");
        var page = targets.EnumerateArray().First(target => target.GetProperty("type").GetString() == "page");
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
        var browser = new HeadlessChromium(process, profile, socket);
        await browser.SendAsync("Page.enable", new { });
        return browser;
    }

    /// <summary>Opens the address and waits until the page has loaded.</summary>
    public async Task NavigateAsync(Uri address)
    {
        await SendAsync("Page.navigate", new { url = address.ToString() });
        await WaitForAsync("document.readyState === 'complete' && location.href !== 'about:blank' ? location.href : ''");
    }

    /// <summary>The value of a JavaScript expression in the page (strings, numbers, booleans).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var answer = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (answer.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException("The page threw: " + exception.GetRawText());
        }

        return answer.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Evaluates <paramref name="expression"/> until it gives a non-empty string (pages reload on their own, so errors in between are retried).</summary>
    public async Task<string> WaitForAsync(string expression, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        string? last = null;
        while (true)
        {
            try
            {
                var value = await EvaluateAsync(expression);
                last = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                if (!string.IsNullOrEmpty(last))
                {
                    return last;
                }
            }
            catch (InvalidOperationException exception)
            {
                last = exception.Message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{expression}' gave nothing within the time; last: {last}.");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _socket.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            _profile.Dispose();
        }
    }

    private async Task<JsonElement> SendAsync(string method, object parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        while (true)
        {
            using var document = JsonDocument.Parse(await ReceiveAsync(timeout.Token));
            var root = document.RootElement;
            if (!root.TryGetProperty("id", out var answered) || answered.GetInt32() != id)
            {
                continue;
            }

            if (root.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"{method} failed: {error.GetRawText()}");
            }

            return root.GetProperty("result").Clone();
        }
    }

    private async Task<byte[]> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return message.ToArray();
    }

    private static async Task<Uri> ReadDevToolsPortAsync(Process process)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new StringBuilder();
        while (await process.StandardError.ReadLineAsync(wait.Token) is { } line)
        {
            seen.AppendLine(line);
            var match = DevToolsLine().Match(line);
            if (match.Success)
            {
                _ = process.StandardError.ReadToEndAsync();
                return new Uri($"http://127.0.0.1:{match.Groups["port"].Value}/");
            }
        }

        throw new InvalidOperationException("Chromium ended without a DevTools address: " + seen);
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(?<port>\d+)/")]
    private static partial Regex DevToolsLine();
}
