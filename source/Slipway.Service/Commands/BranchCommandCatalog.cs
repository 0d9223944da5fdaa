using Slipway.Pipeline.Building;
using Slipway.Pipeline.Commands;
using Slipway.Pipeline.Naming;

namespace Slipway.Service.Commands;

/// <summary>
/// What a branch's last built code allows and runs as commands: its <c>.slipway.yml</c> in the working copy the
/// service's runs keep (the same work directory as the state database).
/// </summary>
public sealed class BranchCommandCatalog(SlipwayLayout layout)
{
    /// <exception cref="CommandException">The branch was never built here, or its <c>.slipway.yml</c> is wrong.</exception>
    public BranchAppSettings Read(string app, string branchKey) => BranchAppSettings.Read(layout, app, RunIdentity.FromKey(app, branchKey));

    /// <summary>The allow-list as the page shows it; empty when the branch's settings cannot be read.</summary>
    public IReadOnlyList<string> AllowListOf(string app, string branchKey)
    {
        try
        {
            return (Read(app, branchKey).Commands.AllowList ?? []).Select(command => command.ToString()).ToList();
        }
        catch (CommandException)
        {
            return [];
        }
    }
}
