using System.Diagnostics;

namespace Slipway.Service.Tests.Host;

/// <summary>The test host started as a process of its own (<c>serve</c>), so that a test can kill it with SIGKILL by its PID.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>Starts <c>dotnet Slipway.Service.Tests.dll serve ARGS</c> and waits until it says where it listens.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyList<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(DotnetPath())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("serve");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The test host did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw new TimeoutException("The test host did not start listening in time.");
            }

            if (line is null)
            {
                throw new InvalidOperationException("The test host ended before it listened: " + await errors);
            }

            if (line.StartsWith(TestServiceProcess.ListeningPrefix, StringComparison.Ordinal))
            {
                _ = DrainAsync(process.StandardOutput);
                return new ServiceProcess(process, new Uri(line[TestServiceProcess.ListeningPrefix.Length..]));
            }
        }
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it does.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Closes its standard input, which stops it the orderly way, and waits for it to end.</summary>
    public async Task StopAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(wait.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static async Task DrainAsync(StreamReader output)
    {
        // Keeps the pipe from filling up; the host prints nothing after its address.
        while (await output.ReadLineAsync() is not null)
        {
        }
    }
}
