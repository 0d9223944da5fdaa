using Slipway.Status;
using Slipway.Pipeline.Commands;
using Slipway.Pipeline.State;
using Slipway.Service.Queue;
using Slipway.Service.Web;

namespace Slipway.Service.Commands;

/// <summary>
/// Turns a command asked for on the page into a queued <c>Run</c>: a command from the branch's allow-list for anyone
/// who may use the page, or a free-form one only with the service token typed in with it (a session alone is not
/// enough). The words that run are the allow-list's own, or the free-form text split into words: never shell text.
/// </summary>
public sealed class CommandStarter(IRunStore pipelineStore, BranchCommandCatalog catalog, RunQueue queue, TokenGate gate)
{
    /// <exception cref="RunRequestException">The branch, the command or the token is not one that can run.</exception>
    public async Task<EnqueueResult> StartAsync(
        string? app, string? branch, string? allowed, string? freeForm, string? token, string trigger, CancellationToken cancellationToken)
    {
        var playground = (await pipelineStore.ListPlaygroundsAsync(cancellationToken))
            .FirstOrDefault(record => record.App == app?.Trim() && record.Branch == branch?.Trim())
            ?? throw new RunRequestException($"{branch} of {app} has no playground to run a command against: start its playground first.");
        var words = string.IsNullOrWhiteSpace(freeForm)
            ? Checked(() => CommandAllowList.Pick(catalog.Read(playground.App, playground.Branch), allowed ?? ""))
            : FreeForm(freeForm, token);
        var source = (await queue.Store.FindByPipelineRunAsync(playground.RunId, cancellationToken))?.Request.App;
        return await queue.EnqueueAsync(
            new RunRequest(PipelineNames.Run, playground.App, source, playground.Branch, Trigger: trigger, Command: words.Words), cancellationToken);
    }

    private CommandWords FreeForm(string text, string? token)
    {
        if (!gate.IsEnabled)
        {
            throw new RunRequestException(
                "Free-form commands need the service token, and this service has none: start it with --service-token, or add the command to the app's allow-list (commands in .slipway.yml).");
        }

        if (!gate.Matches(token))
        {
            throw new RunRequestException("A free-form command needs the service token typed in with it: enter the token, or pick a command from the allow-list.");
        }

        return Checked(() => CommandWords.Parse(text));
    }

    private static CommandWords Checked(Func<CommandWords> read)
    {
        try
        {
            return read();
        }
        catch (CommandException exception)
        {
            throw new RunRequestException(exception.Message);
        }
    }
}
