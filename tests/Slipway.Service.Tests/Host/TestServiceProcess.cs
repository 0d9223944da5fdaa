using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Service.Execution;
using Slipway.Service.Hosting;

namespace Slipway.Service.Tests.Host;

/// <summary>
/// <c>serve --root DIR [--listen 127.0.0.1:0] [--executor probe|hold] [--work-ms 150] [--max 4] [--github-secret S]</c>:
/// a service on DIR's database that prints <c>listening URL</c> once it answers, and stops when its standard input closes.
/// </summary>
public static class TestServiceProcess
{
    public const string ListeningPrefix = "listening ";

    public static async Task<int> RunAsync(TestHostArguments args)
    {
        var root = args.Text("root");
        Directory.CreateDirectory(Path.Combine(root, ".nuke", "temp"));
        var database = Path.Combine(root, ".nuke", "temp", "slipway.db");
        var journal = new Journal(Path.Combine(root, "journal.txt"));
        IPipelineRunner pipeline = args.Text("executor", "probe") == "hold"
            ? new HoldingPipeline()
            : new ProbePipeline(root, journal, args.Number("work-ms", 150));
        var options = new ServiceOptions
        {
            RootDirectory = root,
            DatabasePath = database,
            Listen = args.Text("listen", "127.0.0.1:0"),
            MaxConcurrentRuns = args.Number("max", 4),
            GitHubWebhookSecret = args.Optional("github-secret"),
            DefaultApp = root,
            TimeZone = "UTC",
            Apps = new Dictionary<string, string> { ["acme/site"] = root },
        };
        var dependencies = new ServiceDependencies(pipeline, new JournalCleaner(journal), new SqliteRunStore(database));

        await using var host = await ServiceHost.StartAsync(options, dependencies, CancellationToken.None);
        Console.Out.WriteLine(ListeningPrefix + host.Address);
        Console.Out.Flush();
        await Console.In.ReadToEndAsync(CancellationToken.None);
        await host.StopAsync();
        return 0;
    }
}
