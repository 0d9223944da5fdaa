namespace Slipway.Pipeline.Commands;

/// <summary>
/// Variables a command's task gets besides Slipway's own (a database account's settings), held for as long as the
/// task runs: disposing it gives back what was made for it (drops the account).
/// </summary>
public sealed class AppEnvironment(IReadOnlyDictionary<string, string> variables, IAsyncDisposable? held = null) : IAsyncDisposable
{
    public static AppEnvironment None => new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Variables { get; } = variables;

    public ValueTask DisposeAsync() => held?.DisposeAsync() ?? ValueTask.CompletedTask;
}
