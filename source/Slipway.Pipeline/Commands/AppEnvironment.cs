namespace Slipway.Pipeline.Commands;

/// <summary>
/// Variables a command's task gets besides Slipway's own (a database account's plain settings) and its secrets
/// (the account's password and URL, handed over as files), held for as long as the task runs: disposing it gives
/// back what was made for it (drops the account).
/// </summary>
public sealed class AppEnvironment(
    IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string> secrets, IAsyncDisposable? held = null) : IAsyncDisposable
{
    public static AppEnvironment None => new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Variables { get; } = variables;

    /// <summary>Never environment: the platform hands these to the task as files (<c>NAME_FILE</c>).</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; } = secrets;

    public ValueTask DisposeAsync() => held?.DisposeAsync() ?? ValueTask.CompletedTask;
}
