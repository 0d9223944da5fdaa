using Slipway.Pipeline.Naming;
using Slipway.Pipeline.State;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Commands;

/// <summary>A branch as the service's runs leave it: a playground record and the working copy its build kept, with a <c>.slipway.yml</c>.</summary>
internal static class BranchWorld
{
    public static void Playground(SqliteRunStore store, string app, string branch, DateTimeOffset startedAt) =>
        store.SavePlaygroundAsync(
            new PlaygroundRecord(app, branch, branch.Replace('/', '-'), $"http://{branch.Replace('/', '-')}.localhost:8081/", "c0ffee", $"slipway/{app}:x", "run-" + branch.Replace('/', '-'), "local", startedAt),
            CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Writes the branch's <c>.slipway.yml</c> where the service's runs keep the branch's working copy.</summary>
    public static void Config(TemporaryFolder folder, string app, string branch, string yaml)
    {
        var source = Path.Combine(folder.Combine(".nuke", "temp"), "work", app, new RunIdentity(app, branch).Name, "src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, ".slipway.yml"), yaml);
    }
}
