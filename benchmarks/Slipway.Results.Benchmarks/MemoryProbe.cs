using System.Diagnostics;

namespace Slipway.Results.Benchmarks;

/// <summary>
/// Streams the synthetic log page by page (made on the fly, never held whole) through the reader
/// and samples the live managed heap after every few pages with a full collection, so the figure
/// is what the reader holds, not garbage waiting to be collected. Run each shape in its own
/// process: the peak working set is the process's.
/// </summary>
public static class MemoryProbe
{
    private const int SampleEveryPages = 4;

    public static void Run(LogShape shape, bool readLog, TextWriter output)
    {
        var log = new SyntheticLog(shape);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var reader = readLog ? new TaskResultsReader("tests", "/var/www/app") : null;
        long peakLive = 0, bytes = 0;
        var pages = 0;
        var clock = Stopwatch.StartNew();
        foreach (var page in log.Pages())
        {
            foreach (var line in page)
            {
                bytes += line.Text.Length + 1;
            }

            reader?.Feed(page);
            if (++pages % SampleEveryPages == 0)
            {
                peakLive = Math.Max(peakLive, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        var results = reader?.Complete();
        clock.Stop();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        peakLive = Math.Max(peakLive, retained);
        GC.KeepAlive(results);

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cases = results?.Suites.Sum(suite => suite.Cases.Count) ?? 0;
        output.WriteLine(
            $"{(readLog ? shape.ToString() : shape + " (generate only)"),-28} log {Mb(bytes),7:0.0} MB in {pages,4} pages  "
            + $"peak live heap {Mb(peakLive),6:0.0} MB  results held {Mb(retained),6:0.0} MB  "
            + $"peak working set {Mb(process.PeakWorkingSet64),6:0.0} MB  cases {cases}  ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    private static double Mb(long bytes) => bytes / 1_000_000.0;
}
