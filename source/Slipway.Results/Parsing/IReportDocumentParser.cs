namespace Slipway.Results.Parsing;

/// <summary>Takes one report's lines as they arrive and, at its end, yields what the report holds.</summary>
internal interface IReportDocumentParser
{
    /// <summary>True once the report is known to be unreadable; later lines are ignored.</summary>
    bool HasFailed { get; }

    /// <summary>Adds the next line of the report.</summary>
    void Write(string line);

    /// <summary>Called after each page: a streaming parser catches up with what was written.</summary>
    void EndOfPage();

    /// <summary>Ends the report and returns its results, or throws <see cref="ReportFormatException"/> saying why it cannot be read.</summary>
    DocumentResults Finish();
}
