using Slipway.Pipeline.State;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Web;

public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_ShowQueueDepthRunsByStateWebhooksAndStageDurations()
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with { MaxConcurrentRuns = 1 });
        var release = new TaskCompletionSource();
        service.Pipeline.Behaviour = async execution =>
        {
            var pipelineRun = "p-" + execution.Request.Branch!.Replace('/', '-');
            await execution.ReportPipelineRunAsync(pipelineRun, null);
            var start = DateTimeOffset.UtcNow;
            await service.PipelineStore.SaveStageAsync(new StageRecord(pipelineRun, "build", StageState.Succeeded, start.AddSeconds(-42), start, null), CancellationToken.None);
            await release.Task;
            return 0;
        };
        var first = await service.StartRunAsync("feature/a");
        await service.StartRunAsync("feature/b");
        await service.StartRunAsync("feature/c");
        using (await service.PostGitHubAsync("pull_request", "not json"))
        using (await service.PostGitHubAsync("ping", Payloads.Read("github-ping")))
        {
        }

        await service.WaitForStateAsync(first, RunState.Running);
        var busy = await service.Client.GetStringAsync("/metrics");
        release.SetResult();
        await service.WaitForRunAsync(first, run => run.State == RunState.Succeeded);
        var ids = (await service.RunsAsync()).Select(run => run.Id).ToList();
        foreach (var id in ids)
        {
            await service.WaitForStateAsync(id, RunState.Succeeded);
        }

        var idle = await service.Client.GetStringAsync("/metrics");

        busy.Should().Contain("# TYPE slipway_queue_depth gauge\nslipway_queue_depth 2\n")
            .And.Contain("slipway_runs{state=\"running\"} 1\n")
            .And.Contain("slipway_webhooks_total{provider=\"github\",outcome=\"malformed\"} 1\n")
            .And.Contain("slipway_webhooks_total{provider=\"github\",outcome=\"ping\"} 1\n");
        idle.Should().Contain("slipway_queue_depth 0\n")
            .And.Contain("slipway_runs{state=\"succeeded\"} 3\n")
            .And.Contain("# TYPE slipway_stage_duration_seconds histogram\n")
            .And.Contain("slipway_stage_duration_seconds_bucket{stage=\"build\",le=\"30\"} 0\n")
            .And.Contain("slipway_stage_duration_seconds_bucket{stage=\"build\",le=\"60\"} 3\n")
            .And.Contain("slipway_stage_duration_seconds_bucket{stage=\"build\",le=\"+Inf\"} 3\n")
            .And.Contain("slipway_stage_duration_seconds_sum{stage=\"build\"} 126\n")
            .And.Contain("slipway_stage_duration_seconds_count{stage=\"build\"} 3\n");
    }
}
