using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;

namespace Slipway.Docker.Tests.Engine;

[Collection(DockerCollection.Name)]
public sealed class DockerClientContainerTests(DockerFixture docker)
{
    [Fact]
    public async Task WaitContainerAsync_ReturnsTheCommandsExitCode()
    {
        var (exitCode, _) = await docker.RunScriptAsync("exit 42");

        exitCode.Should().Be(42);
    }

    [Fact]
    public async Task WaitContainerAsync_NotRunningOnAnExitedContainer_ReturnsAtOnceWithItsExitCode()
    {
        var container = await docker.CreateContainerAsync(["sh", "-c", "exit 3"]);
        await docker.Client.StartContainerAsync(container, CancellationToken.None);
        await docker.Client.WaitContainerAsync(container, CancellationToken.None);

        var again = await docker.Client.WaitContainerAsync(container, CancellationToken.None);

        again.Should().Be(3);
    }

    [Fact]
    public async Task WaitContainerAsync_RunningContainer_WaitsForItsExit()
    {
        var container = await docker.CreateContainerAsync(["sh", "-c", "sleep 1; exit 5"]);
        await docker.Client.StartContainerAsync(container, CancellationToken.None);

        (await docker.Client.WaitContainerAsync(container, CancellationToken.None)).Should().Be(5);
        (await docker.Client.InspectContainerAsync(container, CancellationToken.None)).State.Status.Should().Be("exited");
    }

    [Fact]
    public async Task StopContainerAsync_SleepingContainer_StopsIt()
    {
        var container = await docker.CreateContainerAsync(["sleep", "300"]);
        await docker.Client.StartContainerAsync(container, CancellationToken.None);
        (await docker.Client.InspectContainerAsync(container, CancellationToken.None)).State.Running.Should().BeTrue();

        await docker.Client.StopContainerAsync(container, TimeSpan.FromSeconds(1), CancellationToken.None);

        var state = (await docker.Client.InspectContainerAsync(container, CancellationToken.None)).State;
        state.Running.Should().BeFalse();
        state.Status.Should().Be("exited");
        state.ExitCode.Should().NotBe(0);
    }

    [Fact]
    public async Task RemoveContainerAsync_RemovesItAndInspectThenSaysNoSuchContainer()
    {
        var container = await docker.CreateContainerAsync(["sleep", "300"]);
        await docker.Client.StartContainerAsync(container, CancellationToken.None);

        await docker.Client.RemoveContainerAsync(container, force: true, removeVolumes: true, CancellationToken.None);

        var inspect = () => docker.Client.InspectContainerAsync(container, CancellationToken.None);
        var failure = (await inspect.Should().ThrowAsync<DockerException>()).Which;
        failure.IsNotFound.Should().BeTrue();
        failure.Message.Should().Be($"No such container: {container}");
    }

    [Fact]
    public async Task ListContainersAsync_ByLabel_FindsContainersInEveryState()
    {
        var labels = docker.LabelsWith(new Dictionary<string, string> { ["slipway:branch"] = Guid.NewGuid().ToString("N") });
        var created = await docker.CreateContainerAsync(["true"], request => request with { Labels = labels });
        var exited = await docker.CreateContainerAsync(["true"], request => request with { Labels = labels });
        await docker.Client.StartContainerAsync(exited, CancellationToken.None);
        await docker.Client.WaitContainerAsync(exited, CancellationToken.None);
        await docker.CreateContainerAsync(["true"]);

        var listed = await docker.Client.ListContainersAsync(labels, CancellationToken.None);

        listed.Select(container => (container.Id, container.State)).Should().BeEquivalentTo([(created, "created"), (exited, "exited")]);
        listed.Should().OnlyContain(container => container.Labels["slipway:branch"] == labels["slipway:branch"]);
    }

    [Fact]
    public async Task CreateContainerAsync_NameInUse_FailsWithTheEnginesSentence()
    {
        var name = $"slipway-test-{docker.TestId[..12]}-taken";
        await docker.CreateContainerAsync(["true"], request => request with { Name = name });

        var create = () => docker.CreateContainerAsync(["true"], request => request with { Name = name });

        var failure = (await create.Should().ThrowAsync<DockerException>()).Which;
        failure.IsConflict.Should().BeTrue();
        failure.Message.Should().Contain($"\"/{name}\" is already in use");
    }

    [Fact]
    public async Task CreateContainerAsync_MissingImage_SaysWhichImage()
    {
        var create = () => docker.Client.CreateContainerAsync(
            new ContainerCreateRequest("slipway-test/never-built:nope") { Labels = docker.TestLabels },
            CancellationToken.None);

        var failure = (await create.Should().ThrowAsync<DockerException>()).Which;
        failure.IsNotFound.Should().BeTrue();
        failure.Message.Should().Be("No such image: slipway-test/never-built:nope");
    }

    [Fact]
    public async Task CreateContainerAsync_WithEnvironmentMountWorkingDirectoryAndUser_RunsThere()
    {
        using var folder = new TemporaryFolder();
        folder.Write("input.txt", "from the host");
        File.SetUnixFileMode(folder.Path, (UnixFileMode)Convert.ToInt32("755", 8));

        var (exitCode, log) = await docker.RunScriptAsync(
            "pwd; echo \"$GREETING\"; cat /data/input.txt; echo; id -u; touch /data/new 2>/dev/null || echo read-only",
            request => request with
            {
                Environment = new Dictionary<string, string> { ["GREETING"] = "hello env" },
                Mounts = [new BindMount(folder.Path, "/data", ReadOnly: true)],
                WorkingDirectory = "/www",
                User = "1234",
            });

        exitCode.Should().Be(0);
        log.Select(line => line.Text).Should().Equal("/www", "hello env", "from the host", "1234", "read-only");
    }

    [Fact]
    public async Task InspectContainerAsync_PublishedPort_IsOnLoopbackWithAPortTheEngineChose()
    {
        var container = await docker.CreateContainerAsync(
            ["httpd", "-f", "-p", "80", "-h", "/www"],
            request => request with { Ports = [new PortBinding(80)] });
        await docker.Client.StartContainerAsync(container, CancellationToken.None);

        var details = await docker.Client.InspectContainerAsync(container, CancellationToken.None);

        details.Ports.Should().ContainSingle().Which.HostAddress.Should().Be("127.0.0.1");
        details.HostPort(80).Should().BeInRange(1, 65535);
        details.Labels.Should().Contain(DockerFixture.TestLabel, docker.TestId);
    }
}
