using Slipway.Git.Processes;

namespace Slipway.Git;

/// <summary>A git command ended with a non-zero exit code. The message carries git's own first error line, redacted.</summary>
public sealed class GitCommandException : Exception
{
    internal GitCommandException(IReadOnlyList<string> arguments, ProcessResult result)
        : base(Describe(arguments, result))
    {
        ExitCode = result.ExitCode;
        StandardError = result.StandardError;
    }

    /// <summary>git's exit code.</summary>
    public int ExitCode { get; }

    /// <summary>Everything git printed on stderr, with URL credentials redacted.</summary>
    public string StandardError { get; }

    /// <summary>git's most telling error line without its "fatal:" prefix, e.g. "repository 'x' not found".</summary>
    public string Reason => ReasonIn(StandardError) ?? $"git exited with code {ExitCode}";

    /// <summary>The first "fatal:" line, else the first "error:" line, else the first line, without its prefix and final full stop.</summary>
    internal static string? ReasonIn(string standardError)
    {
        var lines = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = lines.FirstOrDefault(line => line.StartsWith("fatal:", StringComparison.Ordinal))
            ?? lines.FirstOrDefault(line => line.StartsWith("error:", StringComparison.Ordinal))
            ?? lines.FirstOrDefault();
        if (line is null)
        {
            return null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var withoutPrefix = line.StartsWith("fatal:", StringComparison.Ordinal) || line.StartsWith("error:", StringComparison.Ordinal)
            ? line[(colon + 1)..].Trim()
            : line;
        return withoutPrefix.TrimEnd('.');
    }

    private static string Describe(IReadOnlyList<string> arguments, ProcessResult result)
    {
        var command = arguments.Count > 0 ? arguments[0] : string.Empty;
        var reason = ReasonIn(result.StandardError) ?? $"exit code {result.ExitCode}";
        return $"git {command} failed: {reason}";
    }
}
