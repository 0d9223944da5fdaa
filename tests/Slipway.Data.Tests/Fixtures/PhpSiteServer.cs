using System.Diagnostics;

namespace Slipway.Data.Tests.Fixtures;

/// <summary>PHP's built-in web server on a free loopback port serving a site folder with the given environment; stopped by its process id.</summary>
public sealed class PhpSiteServer : IAsyncDisposable
{
    private readonly Process _php;

    private PhpSiteServer(Process php, Uri address)
    {
        _php = php;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<PhpSiteServer> StartAsync(string siteRoot, IReadOnlyDictionary<string, string> environment)
    {
        var port = LoopbackPort.Free();

        var start = new ProcessStartInfo("php") { WorkingDirectory = siteRoot, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-S", $"127.0.0.1:{port}", "-t", siteRoot })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var php = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler watch = (_, line) =>
        {
            if (line.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("php -S ended before it was ready."));
            }
            else if (line.Data.Contains("started", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        php.ErrorDataReceived += watch;
        php.OutputDataReceived += watch;
        php.BeginErrorReadLine();
        php.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return new PhpSiteServer(php, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_php.HasExited)
        {
            _php.Kill();
            await _php.WaitForExitAsync();
        }

        _php.Dispose();
    }
}
