using Slipway.Pipeline.Naming;
using Slipway.Pipeline.State;

namespace Slipway.Pipeline.Commands;

/// <summary>
/// Where a branch's commands run: the image its playground serves (the branch's latest built image that was
/// served) and the build that made it. A command runs only where a playground shows the branch is built and
/// its environment is set up; after Teardown there is none.
/// </summary>
/// <param name="Image">The image as the platform runs it.</param>
/// <param name="BuildRunId">The run that built and served it.</param>
public sealed record BranchEnvironment(string Image, string BuildRunId)
{
    /// <exception cref="CommandException">The branch has no playground on this platform.</exception>
    public static async Task<BranchEnvironment> FindAsync(
        IRunStore store, string platform, string app, RunIdentity identity, CancellationToken cancellationToken)
    {
        var playground = (await store.ListPlaygroundsAsync(cancellationToken))
            .FirstOrDefault(record => record.App == app && record.Branch == identity.Key);
        if (playground is null)
        {
            throw new CommandException(
                $"{identity.Branch} of {app} has no built image to run the command in: start its playground first (./build.sh Playground --branch {identity.Branch}).");
        }

        if (!string.Equals(playground.Platform, platform, StringComparison.OrdinalIgnoreCase))
        {
            throw new CommandException(
                $"The playground of {identity.Branch} runs on the {playground.Platform} platform, not {platform}: run the command with --platform {playground.Platform}.");
        }

        return new BranchEnvironment(playground.Image, playground.RunId);
    }
}
