using System.Text.RegularExpressions;
using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>
/// A work folder of the tests' own, <c>./build.sh</c> pointed at it, and the Docker engine to look at
/// what the pipeline left behind. Everything labelled with a branch a test used is removed at the end.
/// </summary>
public sealed partial class EndToEndFixture : IAsyncLifetime
{
    private readonly List<string> _branches = [];

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("slipway-e2e-").FullName;

    public DockerClient Docker { get; } = new(DockerEndpoint.FromEnvironment());

    public BuildScript BuildScript => new(WorkDirectory);

    /// <summary>A branch name no other test run uses; its resources are removed when the fixture ends.</summary>
    public string NewBranch(string stem)
    {
        var branch = $"{stem}-{Guid.NewGuid().ToString("N")[..6]}";
        _branches.Add(branch);
        return branch;
    }

    public async Task<IReadOnlyList<ContainerSummary>> ContainersOfAsync(string branch) =>
        await Docker.ListContainersAsync(new Dictionary<string, string> { [Ownership.BranchLabel] = branch }, CancellationToken.None);

    public async Task<IReadOnlyList<ImageSummary>> ImagesOfAsync(string branch) =>
        await Docker.ListImagesAsync(new Dictionary<string, string> { [Ownership.BranchLabel] = branch }, CancellationToken.None);

    /// <summary>The run folder a run's output names ("Report written to ...").</summary>
    public static string RunFolderIn(BuildScriptResult result) =>
        ReportWritten().Match(result.Output) is { Success: true } match
            ? match.Groups["folder"].Value.Trim()
            : throw new InvalidOperationException($"The run wrote no report: {result}");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var branch in _branches)
        {
            foreach (var container in await ContainersOfAsync(branch))
            {
                await Docker.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, CancellationToken.None);
            }

            foreach (var network in await Docker.ListNetworksAsync(new Dictionary<string, string> { [Ownership.BranchLabel] = branch }, CancellationToken.None))
            {
                await Docker.RemoveNetworkAsync(network.Id, CancellationToken.None);
            }

            foreach (var image in await ImagesOfAsync(branch))
            {
                try
                {
                    await Docker.RemoveImageAsync(image.Id, force: true, noPrune: false, CancellationToken.None);
                }
                catch (DockerException)
                {
                    // Already gone with an image that shared it.
                }
            }
        }

        Docker.Dispose();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Files written by a container as another user stay for the system's temp clean-up.
        }
    }

    [GeneratedRegex(@"Report written to (?<folder>\S+)")]
    private static partial Regex ReportWritten();
}
