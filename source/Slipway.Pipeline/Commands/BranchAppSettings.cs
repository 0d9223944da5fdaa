using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Building;
using Slipway.Pipeline.Naming;

namespace Slipway.Pipeline.Commands;

/// <summary>
/// What the branch's last built code says about commands (its <c>.slipway.yml</c> and the profile found in its
/// working copy): the allow-list and the cron a command is checked against.
/// </summary>
public sealed record BranchAppSettings(string SourceFolder, AppConfigFile File, AppProfile Profile)
{
    public AppCommands Commands => File.Commands ?? AppCommands.None;

    /// <summary>The app's cron command (<see cref="CronCommands"/>).</summary>
    public CommandWords Cron => CronCommands.For(SourceFolder, Profile, File.Commands);

    /// <exception cref="CommandException">The branch was never built here, or its <c>.slipway.yml</c> is wrong.</exception>
    public static BranchAppSettings Read(SlipwayLayout layout, string app, RunIdentity identity)
    {
        var folder = layout.SourceFolder(app, identity.Name);
        if (!Directory.Exists(folder))
        {
            throw new CommandException($"{identity.Branch} of {app} was not built in this work directory ({layout.WorkDirectory}): build it here first.");
        }

        try
        {
            var file = AppConfigFile.ReadFrom(folder);
            return new BranchAppSettings(folder, file, AppProfile.Resolve(folder, file));
        }
        catch (AppConfigException exception)
        {
            throw new CommandException(exception.Message);
        }
    }
}
