namespace Slipway.Results.Writers;

/// <summary>Writes a run's report in one format.</summary>
public interface IRunReportWriter
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>.</summary>
    void Write(RunReport report, TextWriter output);
}
