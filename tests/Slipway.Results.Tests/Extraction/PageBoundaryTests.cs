using System.Text.Json;
using Slipway.Platform;
using Slipway.Results.Tests.Fixtures;

namespace Slipway.Results.Tests.Extraction;

public sealed class PageBoundaryTests
{
    public static TheoryData<bool> StreamKinds => new() { true, false };

    [Theory]
    [MemberData(nameof(StreamKinds))]
    public void The_realistic_log_in_one_page_gives_the_reports_results(bool streamsKnown)
    {
        var results = TaskLog.ReadPages([RealisticLog.Build(streamsKnown)]);

        results.Problems.Should().BeEmpty();
        results.Tools.Select(tool => (tool.Tool, tool.ExitCode, tool.Status)).Should().Equal(
            ("phpunit", 2, ToolRunStatus.Read), ("phpcs", 2, ToolRunStatus.Read), ("phpmd", 2, ToolRunStatus.Read));
        results.Suites.SelectMany(suite => suite.Cases).Should().HaveCount(11);
        results.Suites.SelectMany(suite => suite.Cases).Single(test => test.Name == "testAddFails").Message
            .Should().Be("sum is wrong <&> ]]> ::slipway:: end tool=phpunit exit=0");
        results.Findings.Should().HaveCount(45 + 6);
    }

    [Theory]
    [MemberData(nameof(StreamKinds))]
    public void Splitting_the_log_in_two_at_every_line_gives_the_same_results(bool streamsKnown)
    {
        var lines = RealisticLog.Build(streamsKnown);
        var expected = Canonical(TaskLog.ReadPages([lines]));

        for (var index = 0; index <= lines.Count; index++)
        {
            Canonical(TaskLog.ReadPages(Pages.SplitAt(lines, index))).Should().Be(expected, $"the log was split before line {index}");
        }
    }

    [Theory]
    [MemberData(nameof(StreamKinds))]
    public void Pages_of_every_size_give_the_same_results(bool streamsKnown)
    {
        var lines = RealisticLog.Build(streamsKnown);
        var expected = Canonical(TaskLog.ReadPages([lines]));

        for (var size = 1; size <= lines.Count; size++)
        {
            Canonical(TaskLog.ReadPages(Pages.OfSize(lines, size))).Should().Be(expected, $"pages held {size} lines");
        }
    }

    [Fact]
    public void Empty_pages_between_pages_change_nothing()
    {
        var lines = RealisticLog.Build(streamsKnown: true);
        var expected = Canonical(TaskLog.ReadPages([lines]));

        var pages = Pages.OfSize(lines, 7).SelectMany(page => new[] { page, Array.Empty<LogLine>() });

        Canonical(TaskLog.ReadPages(pages)).Should().Be(expected);
    }

    private static string Canonical(TaskResults results) => JsonSerializer.Serialize(results);
}
