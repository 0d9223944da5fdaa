using System.Text.Json;
using Docker.DotNet.Models;
using Slipway.Docker.Engine;

namespace Slipway.Docker.Tests.Engine;

public sealed class BuildOutputTrackerTests
{
    [Fact]
    public void Failure_NamesTheFailingStepAndItsOutputWithoutColourCodes()
    {
        var tracker = Feed(
            """{"stream":"Step 1/2 : FROM base"}""",
            """{"stream":"\n"}""",
            """{"stream":" ---\u003e 6a89576e685b\n"}""",
            """{"stream":"Step 2/2 : RUN composer install"}""",
            """{"stream":"\n"}""",
            """{"stream":" ---\u003e Running in 15c9b04cf036\n"}""",
            """{"stream":"Loading composer repositories\n"}""",
            """{"stream":"\u001b[91mYour lock file does not contain a compatible set of packages.\n\u001b[0m"}""",
            """{"stream":"Removing intermediate container 15c9b04cf036\n"}""",
            """{"errorDetail":{"code":2,"message":"The command '/bin/sh -c composer install' returned a non-zero code: 2"},"error":"The command '/bin/sh -c composer install' returned a non-zero code: 2"}""");

        var failure = tracker.Failure();

        failure.FailedStep.Should().Be("RUN composer install");
        failure.LastLines.Should().Equal("Loading composer repositories", "Your lock file does not contain a compatible set of packages.");
        failure.Message.Should().Be(
            "Docker build failed at step 'RUN composer install': Loading composer repositories\nYour lock file does not contain a compatible set of packages.");
        failure.EngineError.Should().Contain("returned a non-zero code: 2");
    }

    [Fact]
    public void Failure_StepWithoutOutput_UsesTheEngineError()
    {
        var tracker = Feed(
            """{"stream":"Step 1/1 : COPY missing /x\n"}""",
            """{"errorDetail":{"message":"COPY failed: file not found in build context"},"error":"COPY failed: file not found in build context"}""");

        tracker.Failure().Message.Should().Be("Docker build failed at step 'COPY missing /x': COPY failed: file not found in build context");
    }

    [Fact]
    public void Accept_KeepsOnlyTheLastLinesOfALongStep()
    {
        var messages = new List<string> { """{"stream":"Step 1/1 : RUN noisy\n"}""" };
        messages.AddRange(Enumerable.Range(1, 40).Select(number => $$"""{"stream":"line {{number}}\n"}"""));

        var lines = Feed([.. messages]).Failure().LastLines;

        lines.Should().HaveCount(15);
        lines[^1].Should().Be("line 40");
    }

    [Fact]
    public void Accept_ReadsTheImageIdAndHandsEveryLineToTheCallback()
    {
        var seen = new List<string>();
        var tracker = new BuildOutputTracker(seen.Add);

        foreach (var message in new[]
        {
            """{"stream":"Step 1/1 : LABEL a=b"}""",
            """{"stream":"\n"}""",
            """{"aux":{"ID":"sha256:871d1319a6e50467a5d55479751ae73363daf97967808b750db7cb92027fe704"}}""",
            """{"stream":"Successfully built 871d1319a6e5\n"}""",
        })
        {
            tracker.Accept(JsonSerializer.Deserialize<JSONMessage>(message)!);
        }

        tracker.Complete();
        tracker.ImageId.Should().Be("sha256:871d1319a6e50467a5d55479751ae73363daf97967808b750db7cb92027fe704");
        tracker.ShortImageId.Should().Be("871d1319a6e5");
        tracker.Error.Should().BeNull();
        seen.Should().Equal("Step 1/1 : LABEL a=b", "Successfully built 871d1319a6e5");
    }

    private static BuildOutputTracker Feed(params string[] messages)
    {
        var tracker = new BuildOutputTracker(null);
        foreach (var message in messages)
        {
            tracker.Accept(JsonSerializer.Deserialize<JSONMessage>(message)!);
        }

        tracker.Complete();
        return tracker;
    }
}
