namespace Slipway.Results.Parsing;

/// <summary>Stands for a report Slipway cannot read at all (an unknown format): it ignores the lines and fails at the end.</summary>
internal sealed class RejectingDocumentParser(string reason) : IReportDocumentParser
{
    public bool HasFailed => true;

    public void Write(string line)
    {
    }

    public void EndOfPage()
    {
    }

    public DocumentResults Finish() => throw new ReportFormatException(reason);
}
