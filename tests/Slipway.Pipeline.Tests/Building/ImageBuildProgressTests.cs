using Slipway.Pipeline.Building;

namespace Slipway.Pipeline.Tests.Building;

public sealed class ImageBuildProgressTests
{
    private readonly ManualClock clock = new();
    private readonly List<string> lines = [];

    [Fact]
    public void Accept_FirstStep_IsShownAtOnceWithItsNumberOfTheWhole()
    {
        using var progress = Start();

        progress.Accept("Step 1/12 : FROM slipway/base-php:8.2");

        lines.Should().Equal("app:1: step 1 of 12: FROM slipway/base-php:8.2");
    }

    [Fact]
    public void Accept_CachedStepsInQuickSuccession_GiveOneLineEveryFewSecondsShowingTheLatest()
    {
        using var progress = Start();

        progress.Accept("Step 1/4 : FROM base");
        foreach (var step in new[] { "Step 2/4 : ARG A", " ---> Using cache", "Step 3/4 : ARG B", " ---> Using cache" })
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            progress.Accept(step);
        }

        clock.Advance(ImageBuildProgress.Interval);
        progress.Tick();

        lines.Should().Equal("app:1: step 1 of 4: FROM base", "app:1: step 3 of 4: ARG B");
    }

    [Fact]
    public void Tick_LongQuietStep_SaysItIsStillRunningWithItsLastOutput()
    {
        using var progress = Start();
        progress.Accept("Step 2/3 : RUN composer install");
        progress.Accept("Installing dependencies from lock file");

        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Tick();
        lines.Should().HaveCount(1, "ten quiet seconds are not yet worth a line");

        clock.Advance(ImageBuildProgress.Heartbeat);
        progress.Tick();
        clock.Advance(ImageBuildProgress.Heartbeat + TimeSpan.FromSeconds(40));
        progress.Tick();

        lines.Should().Equal(
            "app:1: step 2 of 3: RUN composer install",
            "app:1: still at step 2 of 3 after 30 s: RUN composer install (last output: Installing dependencies from lock file)",
            "app:1: still at step 2 of 3 after 1 min 30 s: RUN composer install (last output: Installing dependencies from lock file)");
    }

    [Fact]
    public void Accept_InstructionSpanningLines_IsShownOnOneShortLine()
    {
        using var progress = Start();

        progress.Accept("Step 4/7 : RUN set -eu;     apt-get update;     apt-get install -y git unzip " + new string('x', 200));

        lines.Should().ContainSingle().Which.Should().StartWith("app:1: step 4 of 7: RUN set -eu; apt-get update; apt-get install")
            .And.EndWith("…").And.HaveLength("app:1: step 4 of 7: ".Length + 90);
    }

    [Fact]
    public void Complete_SaysHowManyStepsInHowLong()
    {
        using var progress = Start();
        progress.Accept("Step 1/2 : FROM base");
        progress.Accept("Step 2/2 : LABEL a=b");
        clock.Advance(TimeSpan.FromSeconds(65));

        progress.Complete();

        lines[^1].Should().Be("app:1: done, 2 steps in 1 min 5 s");
    }

    private ImageBuildProgress Start() => new("app:1", lines.Add, clock);

    /// <summary>A clock that moves only when the test says so; its timers never fire (the tests call Tick).</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new IdleTimer();

        private sealed class IdleTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
