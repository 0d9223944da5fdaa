using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;

namespace Slipway.Docker.Tests.Engine;

[Collection(DockerCollection.Name)]
public sealed class DockerClientBuildTests(DockerFixture docker)
{
    [Fact]
    public async Task BuildImageAsync_WithBuildArgumentsTagsAndLabels_BakesThemIntoTheImage()
    {
        var tag = $"slipway-test/build-args:{docker.TestId[..12]}";
        var context = new BuildContext().AddFile("ci/Dockerfile.app", $"""
            FROM {docker.BaseImage}
            ARG GREETING=unset
            RUN echo "greeting=$GREETING" > /greeting
            """);
        var output = new List<string>();
        var request = new DockerBuildRequest(context)
        {
            Dockerfile = "ci/Dockerfile.app",
            Tags = [tag],
            BuildArguments = new Dictionary<string, string> { ["GREETING"] = "hello from a build argument" },
            Labels = docker.LabelsWith(new Dictionary<string, string> { ["slipway:app"] = "build-test" }),
        };

        var imageId = await docker.Client.BuildImageAsync(request, output.Add, CancellationToken.None);

        imageId.Should().StartWith("sha256:");
        var image = await docker.Client.InspectImageAsync(tag, CancellationToken.None);
        image.Id.Should().Be(imageId);
        image.Labels.Should().Contain("slipway:app", "build-test");
        output.Should().Contain(line => line.StartsWith("Step 3/", StringComparison.Ordinal) && line.Contains("RUN echo"));
        var (_, log) = await docker.RunScriptAsync("cat /greeting", container => container with { Image = tag });
        log.Select(line => line.Text).Should().Equal("greeting=hello from a build argument");
    }

    [Fact]
    public async Task BuildImageAsync_FailingRunStep_NamesTheStepAndItsLastOutput()
    {
        var context = new BuildContext().AddFile("Dockerfile", $"""
            FROM {docker.BaseImage}
            RUN echo "resolving dependencies" && echo "lock file is out of date" >&2 && exit 7
            """);
        var request = new DockerBuildRequest(context) { Labels = docker.TestLabels };

        var build = () => docker.Client.BuildImageAsync(request, null, CancellationToken.None);

        var failure = (await build.Should().ThrowAsync<DockerBuildException>()).Which;
        // stdout and stderr reach the builder through separate pipes, so their order may vary.
        failure.Message.Should().StartWith(
            """Docker build failed at step 'RUN echo "resolving dependencies" && echo "lock file is out of date" >&2 && exit 7': """);
        failure.LastLines.Should().BeEquivalentTo("resolving dependencies", "lock file is out of date");
        failure.Message.Should().EndWith(string.Join('\n', failure.LastLines));
        failure.EngineError.Should().EndWith("returned a non-zero code: 7");
    }

    [Fact]
    public async Task BuildImageAsync_DockerfileMissingFromTheContext_SaysSoBeforeAnyStep()
    {
        var request = new DockerBuildRequest(new BuildContext().AddFile("README.md", "no Dockerfile here"));

        var build = () => docker.Client.BuildImageAsync(request, null, CancellationToken.None);

        var failure = (await build.Should().ThrowAsync<DockerBuildException>()).Which;
        failure.FailedStep.Should().BeNull();
        failure.Message.Should().StartWith("Docker build failed: ").And.Contain("Dockerfile");
    }
}
