using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Web;

public sealed class RunInsightsPageTests
{
    [Fact]
    public async Task RunPageAndMetrics_ShowWhatTheChangeIntroducedTheFlakiestTestsAndTheRunsCost()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var report = service.Folder.Combine("runs", "p-7");
        Directory.CreateDirectory(report);
        File.WriteAllText(Path.Combine(report, "report.json"), """
            {"schemaVersion":1,"tests":{"total":3,"passed":2,"failed":1,"errors":0,"skipped":0},"failures":[],"findings":[],
             "changes":{"baseBranch":"develop","baseRunId":"r-9","baseFound":true,"newFindings":1,"oldFindings":40,"newFailures":0,"oldFailures":1,
                        "summary":"Compared with develop (run r-9): 1 new finding, 40 already there; 0 new failing tests, 1 already failing."},
             "flakyTests":[{"name":"CartTest::testClock","failed":2,"passed":3,"pattern":"PFPFP","history":[]}],
             "costs":{"stages":[{"stage":"test","platform":"aws","taskSeconds":95.5,"vcpu":1,"memoryGb":2,"estimatedUsd":0.001308}],
                      "playgroundSeconds":12,"estimatedUsd":0.001308,"pricing":"Fargate us-east-1 Linux/x86 list prices of 2026-06","taskSeconds":95.5},
             "timeToUrlSeconds":84.2}
            """);
        service.Pipeline.Behaviour = async execution =>
        {
            await execution.ReportPipelineRunAsync("p-7", report);
            return 0;
        };
        var id = await service.StartRunAsync("feature/cart");
        await service.WaitForStateAsync(id, RunState.Succeeded);

        var html = await service.Client.GetStringAsync($"/runs/{id}");

        html.Should().Contain("<p id=\"changes\">Compared with develop (run r-9): 1 new finding, 40 already there; 0 new failing tests, 1 already failing.</p>")
            .And.Contain("<td>CartTest::testClock</td><td>2</td><td>3</td><td>PFPFP</td>")
            .And.Contain("<td>test</td><td>aws</td><td>95.5 s</td><td>$0.0013</td>")
            .And.Contain("Estimated $0.0013 (Fargate us-east-1 Linux/x86 list prices of 2026-06). Trigger to playground answering: 84.2 s.");
        var metrics = await service.Client.GetStringAsync("/metrics");
        metrics.Should().Contain("slipway_task_seconds_total{stage=\"test\",platform=\"aws\"} 95.5\n")
            .And.Contain("slipway_estimated_cost_usd_total 0.001308\n")
            .And.Contain("slipway_time_to_url_seconds_bucket{le=\"120\"} 1\n")
            .And.Contain("slipway_time_to_url_seconds_count 1\n");
    }
}
