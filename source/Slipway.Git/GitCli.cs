using Slipway.Git.Processes;

namespace Slipway.Git;

/// <summary>
/// Runs the <c>git</c> command line, never interactively: git must fail rather than wait for a
/// password prompt nobody will answer. Everything it reports back has URL credentials redacted.
/// </summary>
public sealed class GitCli(IProcessRunner runner)
{
    private static readonly IReadOnlyDictionary<string, string?> NonInteractive = new Dictionary<string, string?>
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GCM_INTERACTIVE"] = "never",
        // Only the transports an app source can name: never ext:: or fd::, which run commands or use descriptors.
        ["GIT_ALLOW_PROTOCOL"] = "https:http:ssh:git:file",
        // English messages, so that the few that are recognised stay recognisable.
        ["LC_ALL"] = "C",
        ["LANGUAGE"] = null,
    };

    /// <summary>Runs git and returns its standard output; a non-zero exit throws <see cref="GitCommandException"/>.</summary>
    /// <param name="workingDirectory">Where git runs (the repository, or any folder for commands that need none).</param>
    /// <param name="arguments">git's arguments, e.g. <c>["tag", "--merged", sha]</c>.</param>
    /// <param name="environment">Extra variables for this call only, e.g. the tagger identity.</param>
    public async Task<string> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await TryRunAsync(workingDirectory, arguments, cancellationToken, environment);
        return result.Succeeded ? result.StandardOutput : throw new GitCommandException(arguments, result);
    }

    /// <summary>Runs git and returns how it ended, with credentials redacted from its error output.</summary>
    public async Task<ProcessResult> TryRunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?>(NonInteractive);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        ProcessResult result;
        try
        {
            result = await runner.RunAsync(new ProcessRequest("git", arguments, workingDirectory, variables), cancellationToken);
        }
        catch (ProcessStartException exception)
        {
            throw new GitNotAvailableException(exception);
        }

        var secrets = CredentialRedactor.SecretsIn(arguments);
        return result with { StandardError = CredentialRedactor.Redact(result.StandardError, secrets) };
    }
}
