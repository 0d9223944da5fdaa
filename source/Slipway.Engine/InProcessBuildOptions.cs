namespace Slipway.Engine;

/// <summary>What an in-process build sees instead of the process's console and environment; see <see cref="InProcessBuild"/>.</summary>
public sealed record InProcessBuildOptions
{
    /// <summary>Receives what a console run would print: log lines filtered by verbosity, then the summary. Default: discarded.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Receives the one-sentence errors of a build that cannot start (unknown target, missing parameter). Default: discarded.</summary>
    public TextWriter? Error { get; init; }

    /// <summary>The environment parameters are read from. Default: the process's environment variables.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Where relative paths start and where the folder holding <c>.nuke/</c> is looked for. Default: the current directory.</summary>
    public string? WorkingDirectory { get; init; }
}
