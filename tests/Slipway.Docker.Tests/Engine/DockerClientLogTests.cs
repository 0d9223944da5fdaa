using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Engine;

[Collection(DockerCollection.Name)]
public sealed class DockerClientLogTests(DockerFixture docker)
{
    [Fact]
    public async Task ReadContainerLogAsync_AfterExit_SeparatesStdoutFromStderr()
    {
        var (_, log) = await docker.RunScriptAsync("echo out-1; echo err-1 >&2; echo out-2; echo err-2 >&2");

        log.Where(line => line.Stream == LogStream.Stdout).Select(line => line.Text).Should().Equal("out-1", "out-2");
        log.Where(line => line.Stream == LogStream.Stderr).Select(line => line.Text).Should().Equal("err-1", "err-2");
    }

    [Fact]
    public async Task ReadContainerLogAsync_Following_GetsLinesAsTheyComeAndEndsWhenTheContainerStops()
    {
        var container = await docker.CreateContainerAsync(["sh", "-c", "echo first; sleep 2; echo second"]);
        await docker.Client.StartContainerAsync(container, CancellationToken.None);

        var pages = new List<IReadOnlyList<LogLine>>();
        await foreach (var page in docker.Client.ReadContainerLogAsync(container, follow: true, CancellationToken.None))
        {
            pages.Add(page);
        }

        pages.Should().HaveCountGreaterThan(1, "the second line is printed two seconds after the first");
        pages.SelectMany(page => page).Should().Equal(LogLine.Out("first"), LogLine.Out("second"));
        (await docker.Client.InspectContainerAsync(container, CancellationToken.None)).State.Running.Should().BeFalse();
    }

    [Fact]
    public async Task ReadContainerLogAsync_LineLongerThanAFrame_ComesOutWhole()
    {
        var (_, log) = await docker.RunScriptAsync("head -c 100000 /dev/zero | tr '\\0' x; echo; echo after");

        log.Should().HaveCount(2);
        log[0].Text.Should().HaveLength(100_000).And.MatchRegex("^x+$");
        log[1].Should().Be(LogLine.Out("after"));
    }

    [Fact]
    public async Task ReadContainerLogAsync_ManyLines_ArePagedAtMostFiveHundredAtATime()
    {
        var container = await docker.CreateContainerAsync(["sh", "-c", "seq 1 3000"]);
        await docker.Client.StartContainerAsync(container, CancellationToken.None);
        await docker.Client.WaitContainerAsync(container, CancellationToken.None);

        var pages = new List<IReadOnlyList<LogLine>>();
        await foreach (var page in docker.Client.ReadContainerLogAsync(container, follow: false, CancellationToken.None))
        {
            pages.Add(page);
        }

        pages.Should().OnlyContain(page => page.Count > 0 && page.Count <= DockerClient.MaxLogPageLines);
        pages.SelectMany(page => page).Select(line => line.Text).Should().Equal(Enumerable.Range(1, 3000).Select(number => number.ToString()));
    }

    [Fact]
    public async Task ReadContainerLogAsync_ContainerWithTty_ReadsTheRawStream()
    {
        var (_, log) = await docker.RunScriptAsync("echo on-stdout; echo on-stderr >&2", request => request with { Tty = true });

        log.Should().Equal(LogLine.Out("on-stdout"), LogLine.Out("on-stderr"));
    }
}
