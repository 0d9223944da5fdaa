using BenchmarkDotNet.Reports;

namespace Slipway.Results.Benchmarks;

/// <summary>Turns BenchmarkDotNet's times into MB/s of log read (mean and median), with the bytes each read allocates.</summary>
public static class ThroughputTable
{
    public static void Write(Summary summary, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"shape",-12} {"log MB",8} {"mean s",8} {"MB/s",8} {"median s",9} {"MB/s",8} {"allocated MB/read",18}");
        foreach (var report in summary.Reports)
        {
            var shape = (LogShape)report.BenchmarkCase.Parameters["Shape"];
            var bytes = new SyntheticLog(shape).CountBytes();
            if (report.ResultStatistics is not { } statistics)
            {
                output.WriteLine($"{shape,-12} failed: no measurements");
                continue;
            }

            var mean = statistics.Mean / 1e9;
            var median = statistics.Median / 1e9;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            output.WriteLine($"{shape,-12} {bytes / 1e6,8:0.0} {mean,8:0.000} {bytes / 1e6 / mean,8:0} {median,9:0.000} {bytes / 1e6 / median,8:0} {allocated / 1e6,18:0.0}");
        }
    }
}
