using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Slipway.Results.Benchmarks;

// Usage:
//   (no arguments)                       throughput of every shape (BenchmarkDotNet, in process)
//   --memory <shape> [--generate-only]   peak memory of one shape, to run in a fresh process
if (args.Length >= 2 && args[0] == "--memory")
{
    if (!Enum.TryParse<LogShape>(args[1], ignoreCase: true, out var shape))
    {
        Console.Error.WriteLine($"unknown shape '{args[1]}': use one of {string.Join(", ", Enum.GetNames<LogShape>())}.");
        return 1;
    }

    MemoryProbe.Run(shape, readLog: !args.Contains("--generate-only"), Console.Out);
    return 0;
}

// In process: the generated benchmark project would inherit the repository's build rules, and a
// few iterations of a 100 MB read are enough to see the rate.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1)
    .WithWarmupCount(1)
    .WithIterationCount(5)
    .WithInvocationCount(1)
    .WithUnrollFactor(1);
var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job).WithOptions(ConfigOptions.DisableLogFile);
var summary = BenchmarkRunner.Run<ResultsReadingBenchmarks>(config, args);
ThroughputTable.Write(summary, Console.Out);
return summary.HasCriticalValidationErrors ? 1 : 0;
