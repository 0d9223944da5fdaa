using BenchmarkDotNet.Attributes;

namespace Slipway.Results.Benchmarks;

/// <summary>Extraction and parsing of the synthetic 100 MB log, pages prepared in memory beforehand.</summary>
[MemoryDiagnoser]
public class ResultsReadingBenchmarks
{
    private LogLineArrays _pages = new([]);

    [Params(LogShape.ManyReports, LogShape.OneReport, LogShape.AllXml)]
    public LogShape Shape { get; set; }

    [GlobalSetup]
    public void PreparePages() => _pages = new LogLineArrays(new SyntheticLog(Shape).Pages().ToList());

    [GlobalCleanup]
    public void DropPages() => _pages = new LogLineArrays([]);

    [Benchmark]
    public int ReadLog()
    {
        var reader = new TaskResultsReader("tests", "/var/www/app");
        foreach (var page in _pages.Pages)
        {
            reader.Feed(page);
        }

        var results = reader.Complete();
        if (results.Problems.Count > 0 || results.Suites.Sum(suite => suite.Cases.Count) != SyntheticLog.TestCases)
        {
            throw new InvalidOperationException($"The log was not read right: {results.Problems.FirstOrDefault()?.Message ?? "cases are missing"}.");
        }

        return results.Suites.Count;
    }

    /// <summary>Keeps the prepared pages in one place so that setup and cleanup swap them whole.</summary>
    private sealed record LogLineArrays(List<Slipway.Platform.LogLine[]> Pages);
}
