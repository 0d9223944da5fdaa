using System.Collections;

namespace Slipway.Engine.Hosting;

/// <summary>What a build sees of the world around it: environment, folders, console, cancellation. Tests inject their own.</summary>
internal sealed class BuildHost
{
    private static readonly string[] ContinuousIntegrationVariables =
        ["CI", "TF_BUILD", "GITHUB_ACTIONS", "JENKINS_URL", "BITBUCKET_BUILD_NUMBER", "GITLAB_CI", "TEAMCITY_VERSION", "BUILDKITE"];

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>Where to look for the folder holding <c>.nuke/</c>, in order (each and its parents).</summary>
    public required IReadOnlyList<string> RootSearchStarts { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>The standard output as bytes, for a target that writes a product there (<c>WritesStandardOutput</c>); null discards it.</summary>
    public Stream? StandardOutput { get; init; }

    /// <summary>True when a person watches a terminal (not CI, not redirected): enables the live status view and colours.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>
    /// True when the build owns the process: the console then shows every line logged anywhere in it. Otherwise only
    /// the lines of the build's own async flow, so that several builds can run side by side (tests, a service).
    /// </summary>
    public bool OwnsProcess { get; init; }

    /// <summary>Cancelled on the first Ctrl+C or SIGTERM.</summary>
    public CancellationToken Cancellation { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The host of a build run as a process from a terminal or CI.</summary>
    public static BuildHost FromProcess(CancellationToken cancellation)
    {
        var environment = new Dictionary<string, string>(
            OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)variable.Key] = (string?)variable.Value ?? string.Empty;
        }

        var interactive = !Console.IsOutputRedirected &&
            !ContinuousIntegrationVariables.Any(name => !string.IsNullOrEmpty(environment.GetValueOrDefault(name))) &&
            environment.GetValueOrDefault("TERM") != "dumb";

        return new BuildHost
        {
            Environment = environment,
            WorkingDirectory = System.Environment.CurrentDirectory,
            // The build's own folder first: its .nuke/ is the one it was compiled for, wherever it is run from.
            RootSearchStarts = [AppContext.BaseDirectory, System.Environment.CurrentDirectory],
            Out = Console.Out,
            Error = Console.Error,
            StandardOutput = Console.OpenStandardOutput(),
            IsInteractive = interactive,
            OwnsProcess = true,
            Cancellation = cancellation,
        };
    }
}
