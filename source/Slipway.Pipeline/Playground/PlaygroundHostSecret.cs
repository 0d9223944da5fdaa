using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;

namespace Slipway.Pipeline.Playground;

/// <summary>
/// The random part of a playground's unguessable host name: the one kept with the branch's playground record, so
/// every run of the branch serves at the same address (and the page, Slack and the commit status show it), or a new
/// one when the branch has no playground (never had one, or it was torn down).
/// </summary>
internal static class PlaygroundHostSecret
{
    /// <returns>The random part, or null when the app does not ask for unguessable host names.</returns>
    public static async Task<string?> ForAsync(RunContext run, AppProfile profile, IRunStore store, CancellationToken cancellationToken)
    {
        if (!profile.Access.UnguessableHost)
        {
            return null;
        }

        var playgrounds = await store.ListPlaygroundsAsync(cancellationToken);
        var kept = playgrounds.FirstOrDefault(playground => playground.App == run.AppName && playground.Branch == run.Identity.Key);
        return kept?.HostSecret ?? RunIdentity.NewHostSecret();
    }
}
