using Slipway.Engine.Reporting;
using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Logging;

public class LogTests
{
    [Fact]
    public async Task AddFlowSink_ConcurrentFlows_EachSeeOnlyTheirOwnLines()
    {
        async Task<IReadOnlyList<LogEntry>> RunFlow(string name)
        {
            var sink = new RecordingSink();
            using var capture = Log.AddFlowSink(sink);
            for (var index = 0; index < 50; index++)
            {
                Log.Information($"{name} {index}");
                await Task.Yield();
            }

            return sink.Entries;
        }

        var results = await Task.WhenAll(Task.Run(() => RunFlow("first")), Task.Run(() => RunFlow("second")));

        results[0].Should().HaveCount(50).And.OnlyContain(entry => entry.Text.StartsWith("first "));
        results[1].Should().HaveCount(50).And.OnlyContain(entry => entry.Text.StartsWith("second "));
    }

    [Fact]
    public void AddFlowSink_AfterDispose_ReceivesNothing()
    {
        var sink = new RecordingSink();
        var capture = Log.AddFlowSink(sink);
        Log.Information("kept");
        capture.Dispose();

        Log.Information("dropped");

        sink.Entries.Select(entry => entry.Text).Should().Equal("kept");
    }

    [Fact]
    public async Task AddSink_ReceivesLinesFromAnyFlowUntilDisposed()
    {
        var sink = new RecordingSink();
        var marker = Guid.NewGuid().ToString();
        using (Log.AddSink(sink))
        {
            await Task.Run(() => Log.Warning(marker));
        }

        Log.Warning(marker);

        sink.Entries.Where(entry => entry.Text == marker).Should().ContainSingle().Which.Level.Should().Be(LogLevel.Warning);
    }

    [Fact]
    public async Task RunStatus_WrittenFromATargetsCode_CarriesNoTargetsName_WhileItsOwnLinesDo()
    {
        // "Playground | test: running" was the Playground target's code reporting the test stage's change.
        var sink = new RecordingSink();
        using var capture = Log.AddFlowSink(sink);
        var playground = new Slipway.Engine.Definition.ExecutableTarget("Playground");

        await Task.Run(() =>
        {
            Slipway.Engine.Definition.CurrentTarget.Enter(new Slipway.Engine.Execution.TargetRun(playground));
            Log.Information("own line");
            Log.RunStatus("  test: running");
        });

        sink.Entries.Select(entry => (entry.Target, entry.Text)).Should().Equal(("Playground", "own line"), (null, "  test: running"));
    }

    [Fact]
    public void Write_MultiLineMessage_BecomesWholeLines()
    {
        var sink = new RecordingSink();
        using var capture = Log.AddFlowSink(sink);

        Log.Error("first\r\nsecond\nthird\n");

        sink.Entries.Select(entry => entry.Text).Should().Equal("first", "second", "third");
    }

    [Fact]
    public void ConsoleLogSink_PrefixesLinesWithTheTargetAndFiltersByVerbosity()
    {
        var output = new StringWriter();
        var sink = new ConsoleLogSink(new PlainConsoleWriter(output, useColor: false)) { PrefixWidth = 7, Verbosity = Verbosity.Minimal };

        sink.Write(new LogEntry(DateTimeOffset.Now, LogLevel.Information, "Lint", "hidden at minimal"));
        sink.Write(new LogEntry(DateTimeOffset.Now, LogLevel.Warning, "Lint", "3 findings"));
        sink.Write(new LogEntry(DateTimeOffset.Now, LogLevel.Error, "Compile", "broken"));

        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal("Lint    | warning: 3 findings", "Compile | error: broken");
    }

    [Fact]
    public async Task ConsoleLogSink_ManyTargetsWritingAtOnce_NeverSplitALine()
    {
        var output = new StringWriter();
        var sink = new ConsoleLogSink(new PlainConsoleWriter(output, useColor: false)) { PrefixWidth = 3 };
        var line = new string('x', 500);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            for (var index = 0; index < 100; index++)
            {
                sink.Write(new LogEntry(DateTimeOffset.Now, LogLevel.Information, $"T{writer}", line));
            }
        })));

        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            .Should().HaveCount(800).And.OnlyContain(text => text.Length == 506 && text.EndsWith(line));
    }
}
