namespace Slipway.Pipeline.Commands;

/// <summary>
/// Decides whether someone may start a command from the service without the service token: only a command the
/// branch's <c>.slipway.yml</c> lists under <c>commands</c>, word for word, or its cron command.
/// </summary>
public static class CommandAllowList
{
    /// <summary>The allowed command equal to <paramref name="chosen"/> (words from the list, not from the caller).</summary>
    /// <exception cref="CommandException">It is not on the list.</exception>
    public static CommandWords Pick(BranchAppSettings settings, string chosen)
    {
        var allowed = settings.Commands.AllowList ?? [];
        var match = allowed.FirstOrDefault(command => command.ToString() == chosen.Trim());
        if (match is not null)
        {
            return match;
        }

        var listed = allowed.Count == 0 ? "the app lists none" : "allowed: " + string.Join(", ", allowed.Select(command => command.ToString()));
        throw new CommandException(
            $"'{chosen.Trim()}' is not on the app's command allow-list ({listed}): add it under commands in .slipway.yml, or start it with the service token.");
    }
}
