using System.Collections.Concurrent;
using Slipway.Engine;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Web;

public sealed class SecretsTests
{
    private const string Token = "service-token-9f8e7d6c5b4a";

    [Fact]
    public async Task NoSecretOfTheService_AppearsInAnswersLogsOrRunLogs()
    {
        var lines = new ConcurrentQueue<string>();
        using var everything = Log.AddSink(new CollectingSink(lines));
        await using var service = await ServiceUnderTest.StartAsync(options => options with { Token = Token });
        service.Pipeline.Behaviour = _ =>
        {
            // A pipeline that echoes a secret by mistake: the run's stored log masks it.
            Log.Information($"using {ServiceUnderTest.GitHubSecret} and {Token}");
            return Task.FromResult(0);
        };
        var answers = new List<string>();
        foreach (var signature in new[] { "sha256=00", "" })
        {
            using var refused = await service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened"), signature: signature);
            answers.Add(await refused.Content.ReadAsStringAsync());
        }

        using var accepted = await service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened"));
        answers.Add(await accepted.Content.ReadAsStringAsync());
        var run = (await service.RunsAsync()).Single();
        await service.WaitForStateAsync(run.Id, RunState.Succeeded);
        var stored = await service.Queue.ReadLogAsync(run.Id, 0, 100, tail: false, CancellationToken.None);

        stored.Select(line => line.Text).Should().Contain("using *** and ***");
        var everythingWritten = string.Join("\n", answers.Concat(stored.Select(line => line.Text)).Append(service.Options.ToString()));
        everythingWritten.Should().NotContain(Token).And.NotContain(ServiceUnderTest.GitHubSecret).And.NotContain(ServiceUnderTest.BitbucketSecret);
        lines.Where(line => !line.StartsWith("using ", StringComparison.Ordinal))
            .Should().NotContain(line => line.Contains(Token) || line.Contains(ServiceUnderTest.GitHubSecret));
    }

    private sealed class CollectingSink(ConcurrentQueue<string> lines) : ILogSink
    {
        public void Write(LogEntry entry) => lines.Enqueue(entry.Text);
    }
}
