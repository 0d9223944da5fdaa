using Slipway.Platform;
using Slipway.Results.Parsing;

namespace Slipway.Results.Extraction;

/// <summary>One tool's report between its begin marker and its end marker, parsed as its lines arrive.</summary>
internal sealed class ReportBlock
{
    private readonly RawLineSample _raw;
    private readonly XmlLineFilter? _filter;
    private readonly IReportDocumentParser _parser;

    public ReportBlock(ResultMarker begin, AppPathMapper paths, int rawLinesKept)
    {
        Tool = begin.Tool;
        Format = begin.Format;
        Results = new DocumentResults();
        _raw = new RawLineSample(rawLinesKept);
        _filter = ReportDocumentParsers.IsXml(begin.Format) ? new XmlLineFilter() : null;
        _parser = ReportDocumentParsers.For(begin.Format, new ReportContext(begin.Tool, paths, Results, begin.Name));
    }

    public string Tool { get; }

    public string? Format { get; }

    public DocumentResults Results { get; }

    /// <summary>Takes a line of the log inside the block: stderr is kept for people but never parsed.</summary>
    public void Add(LogLine line)
    {
        _raw.Add(line.Text);
        if (line.Stream == LogStream.Stderr || _parser.HasFailed)
        {
            return;
        }

        var text = line.Text;
        if (_filter is not null && !_filter.Accept(text, out text))
        {
            return;
        }

        _parser.Write(text);
    }

    public void EndOfPage() => _parser.EndOfPage();

    /// <summary>Ends the report; throws <see cref="ReportFormatException"/> when it cannot be read.</summary>
    public DocumentResults Finish() => _parser.Finish();

    public IReadOnlyList<string> RawLines() => _raw.ToLines();
}
