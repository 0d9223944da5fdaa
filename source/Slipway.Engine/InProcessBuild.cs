using Slipway.Engine.Hosting;

namespace Slipway.Engine;

/// <summary>
/// Runs a build inside the calling process, as <c>build.sh</c> would run it, for a host that runs many builds
/// (the Slipway service): no console view, no Ctrl+C handling of its own, cancellation from the caller's token.
/// Log lines reach the caller's sinks (<see cref="Log.AddFlowSink"/> before the call captures one run's lines).
/// </summary>
public static class InProcessBuild
{
    /// <summary>Runs the targets named in <paramref name="args"/> (with options, as on the command line) of a new <typeparamref name="T"/>.</summary>
    /// <returns>The exit code: see <see cref="ExitCodes"/>. Without a target name, the help is written to the output and 0 returned.</returns>
    public static Task<int> RunAsync<T>(IReadOnlyList<string> args, CancellationToken cancellationToken)
        where T : SlipwayBuild, new() =>
        RunAsync(() => new T(), args, options: null, cancellationToken);

    /// <summary>Runs the targets named in <paramref name="args"/> of the build <paramref name="createBuild"/> returns.</summary>
    /// <param name="createBuild">Called once; lets the host keep the instance (to look at its state while it runs).</param>
    /// <param name="args">Target names and options, as on the command line.</param>
    /// <param name="options">Output, error and environment; defaults discard the output and read the process environment.</param>
    /// <param name="cancellationToken">Cancels the running targets; assured targets still run, and the exit code is 130.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static Task<int> RunAsync<T>(
        Func<T> createBuild,
        IReadOnlyList<string> args,
        InProcessBuildOptions? options,
        CancellationToken cancellationToken)
        where T : SlipwayBuild
    {
        ArgumentNullException.ThrowIfNull(createBuild);
        ArgumentNullException.ThrowIfNull(args);
        var process = BuildHost.FromProcess(cancellationToken);
        var workingDirectory = options?.WorkingDirectory ?? process.WorkingDirectory;
        var host = new BuildHost
        {
            Environment = options?.Environment ?? process.Environment,
            WorkingDirectory = workingDirectory,
            RootSearchStarts = [workingDirectory, AppContext.BaseDirectory],
            Out = options?.Output ?? TextWriter.Null,
            Error = options?.Error ?? TextWriter.Null,
            IsInteractive = false,
            Cancellation = cancellationToken,
        };
        return new BuildRunner(host).RunAsync(() => createBuild(), args, []);
    }
}
