using System.ComponentModel;
using System.Diagnostics;

namespace Slipway.Git.Processes;

/// <summary>Runs programs as child processes of Slipway.</summary>
/// <param name="environment">
/// Variables every program gets on top of the inherited environment (null removes one), e.g. a
/// <c>GIT_SSH_COMMAND</c> with a deploy key, or fixed identities in tests.
/// </param>
public sealed class ProcessRunner(IReadOnlyDictionary<string, string?>? environment = null) : IProcessRunner
{
    /// <inheritdoc />
    /// <exception cref="DirectoryNotFoundException">The working folder does not exist.</exception>
    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(request.WorkingDirectory))
        {
            throw new DirectoryNotFoundException($"Cannot run '{request.FileName}' in '{request.WorkingDirectory}': the folder does not exist.");
        }

        using var process = new Process { StartInfo = CreateStartInfo(request) };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new ProcessStartException(
                $"Cannot start '{request.FileName}': {exception.Message}; check that it is installed and on PATH.",
                exception);
        }

        // Nothing is ever written to the program: an open stdin would let git wait for input forever.
        process.StandardInput.Close();
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw;
        }

        return new ProcessResult(process.ExitCode, await standardOutput, await standardError);
    }

    private ProcessStartInfo CreateStartInfo(ProcessRequest request)
    {
        var startInfo = new ProcessStartInfo(request.FileName)
        {
            WorkingDirectory = request.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Apply(startInfo, environment);
        Apply(startInfo, request.Environment);
        return startInfo;
    }

    private static void Apply(ProcessStartInfo startInfo, IReadOnlyDictionary<string, string?>? variables)
    {
        foreach (var (name, value) in variables ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the cancellation and the kill.
        }
    }
}
