using System.Diagnostics;
using Slipway.Data.Servers;

namespace Slipway.Data.Clients;

/// <summary>
/// One run of a mysql client program for an account, its standard streams open for streaming. The
/// account goes in through an options file of its own; cancelling kills the program, so a cancelled
/// import or dump stops at once and nothing of it keeps running.
/// </summary>
internal sealed class ClientProcess : IAsyncDisposable
{
    private const int ErrorLinesKept = 20;
    private readonly Process _process;
    private readonly ClientOptionsFile _options;
    private readonly Queue<string> _errorLines = new();
    private readonly Task _errorReader;

    private ClientProcess(Process process, ClientOptionsFile options)
    {
        _process = process;
        _options = options;
        _errorReader = ReadErrorsAsync();
    }

    /// <summary>The program's process id, e.g. to check that it is gone.</summary>
    public int Id => _process.Id;

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Starts <paramref name="program"/> with the account of <paramref name="endpoint"/> and <paramref name="arguments"/>.</summary>
    public static ClientProcess Start(string program, DatabaseEndpoint endpoint, IEnumerable<string> arguments)
    {
        var options = ClientOptionsFile.Write(endpoint);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --defaults-extra-file must come first, or the tools ignore it.
        start.ArgumentList.Add($"--defaults-extra-file={options.Path}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return new ClientProcess(Process.Start(start)!, options);
        }
        catch (Exception)
        {
            options.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the program to end; its exit code and last error lines.</summary>
    public async Task<(int ExitCode, string Errors)> WaitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        await _errorReader;
        lock (_errorLines)
        {
            return (_process.ExitCode, string.Join(" ", _errorLines));
        }
    }

    /// <summary>Kills the program (and anything it started) at once, e.g. when its run is cancelled.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has ended already.
        }
    }

    /// <summary>Kills the program if it still runs and waits until it is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync(CancellationToken.None);
            await _errorReader;
        }
        finally
        {
            _process.Dispose();
            _options.Dispose();
        }
    }

    private async Task ReadErrorsAsync()
    {
        string? line;
        while ((line = await _process.StandardError.ReadLineAsync(CancellationToken.None)) is not null)
        {
            lock (_errorLines)
            {
                _errorLines.Enqueue(line.Trim());
                if (_errorLines.Count > ErrorLinesKept)
                {
                    _errorLines.Dequeue();
                }
            }
        }
    }
}
