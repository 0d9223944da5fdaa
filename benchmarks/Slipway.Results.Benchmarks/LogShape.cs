namespace Slipway.Results.Benchmarks;

/// <summary>How the 50,000 test cases of the synthetic 100 MB log are laid out.</summary>
public enum LogShape
{
    /// <summary>500 JUnit reports of 100 cases, each after the test output it belongs to; most of the log is not XML.</summary>
    ManyReports,

    /// <summary>The whole run's output first, then one JUnit report of all 50,000 cases (about 17 MB).</summary>
    OneReport,

    /// <summary>One JUnit report of 50,000 cases, each with its captured output: the whole log is XML, the worst case for speed.</summary>
    AllXml,
}
