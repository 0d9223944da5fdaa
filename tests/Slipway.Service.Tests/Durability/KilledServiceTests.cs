using System.Net.Http.Json;
using System.Text.Json;
using Slipway.Service.Queue;
using Slipway.Service.Queue.Sqlite;
using Slipway.Service.Tests.Fixtures;
using Slipway.Service.Tests.Host;
using Slipway.Status;

namespace Slipway.Service.Tests.Durability;

/// <summary>
/// The service as a process of its own, killed with SIGKILL in the middle of its work and started again on the same
/// database. Its runs are the probe build's Work target, run in-process by the engine like the pipeline's targets
/// (150 ms each, four at once): cheap enough for 100 runs, and a real trip through <c>InProcessBuild</c>.
/// </summary>
public sealed class KilledServiceTests : IDisposable
{
    private const int Runs = 100;
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task HundredRunsQueued_ServiceKilledAndRestarted_EveryRunCompletesExactlyOnce()
    {
        string[] arguments = ["--root", _folder.Path, "--executor", "probe", "--work-ms", "150", "--max", "4"];
        var ids = new List<string>();
        using (var first = await ServiceProcess.StartAsync(arguments))
        {
            using var client = new HttpClient { BaseAddress = first.Address };
            for (var index = 0; index < Runs; index++)
            {
                using var response = await client.PostAsJsonAsync("/api/runs", new { branch = $"durable/{index}", pipeline = "PullRequest" });
                response.EnsureSuccessStatusCode();
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }

            // Kill it while runs are executing and many are still queued.
            await WaitUntilAsync(client, counts => counts.Finished >= 20 && counts.Running > 0, TimeSpan.FromSeconds(60));
            first.Kill();
        }

        await using var store = new SqliteRunQueueStore(_folder.Combine(".nuke", "temp", "slipway.db"));
        var cutOff = (await store.ListRunningAsync(CancellationToken.None)).Select(run => run.Id).ToList();
        cutOff.Should().NotBeEmpty("the kill must land while runs execute");

        using (var second = await ServiceProcess.StartAsync(arguments))
        {
            using var client = new HttpClient { BaseAddress = second.Address };
            await WaitUntilAsync(client, counts => counts.Finished == Runs, TimeSpan.FromSeconds(90));
            await second.StopAsync();
        }

        foreach (var id in ids)
        {
            var run = await store.FindAsync(id, CancellationToken.None);
            run!.State.Should().Be(RunState.Succeeded, $"run {id} must complete");
            var events = await store.ListEventsAsync(id, CancellationToken.None);
            events.Count(entry => entry.Kind == RunEventKinds.Finished).Should().Be(1, $"run {id} completes exactly once");
            if (cutOff.Contains(id))
            {
                events.Select(entry => entry.Kind).Should().ContainInOrder(RunEventKinds.Claimed, RunEventKinds.Interrupted, RunEventKinds.Requeued, RunEventKinds.Claimed, RunEventKinds.Finished);
                run.Attempts.Should().Be(2);
                run.Requeued.Should().BeTrue();
            }
            else
            {
                run.Attempts.Should().Be(1, $"run {id} was not cut off, so it ran once");
            }
        }

        // The probe pipeline knows a run by its branch, one per run.
        var branches = ids.Select((id, index) => (id, branch: $"durable/{index}")).ToDictionary(pair => pair.id, pair => pair.branch);
        var journal = Journal.Read(_folder.Combine("journal.txt"));
        journal.Where(entry => entry[0] == "clean").Select(entry => entry[1]).Should().BeEquivalentTo(
            cutOff.Select(id => branches[id]), "each cut-off run's resources are looked for once");
        journal.Where(entry => entry[0] == "clean").Should().OnlyContain(
            entry => entry[2] == ProbePipeline.LabelOf(entry[1]) || entry[2] == "-",
            "they are found by the run's own label (\"-\": killed before its pipeline started, so nothing carries one)");
        journal.Where(entry => entry[0] == "done").Select(entry => entry[1]).Distinct().Should().BeEquivalentTo(branches.Values);
        journal.Where(entry => entry[0] == "start").GroupBy(entry => entry[1]).Where(group => group.Count() > 1).Select(group => group.Key)
            .Should().BeSubsetOf(cutOff.Select(id => branches[id]), "only a run cut off by the kill is executed twice");
    }

    private static async Task WaitUntilAsync(HttpClient client, Func<(long Finished, long Running), bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var metrics = await client.GetStringAsync("/metrics");
            long Count(string state) => long.Parse(
                metrics.Split('\n').First(line => line.StartsWith($"slipway_runs{{state=\"{state}\"}}", StringComparison.Ordinal)).Split(' ')[1],
                System.Globalization.CultureInfo.InvariantCulture);
            var counts = (Count("succeeded") + Count("failed") + Count("cancelled") + Count("superseded") + Count("interrupted"), Count("running"));
            if (condition(counts))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{counts.Item1} finished and {counts.Item2} running after {timeout}.");
            }

            await Task.Delay(25);
        }
    }
}
