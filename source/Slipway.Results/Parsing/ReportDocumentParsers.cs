namespace Slipway.Results.Parsing;

/// <summary>Picks the parser for the format a begin marker names.</summary>
internal static class ReportDocumentParsers
{
    public static IReportDocumentParser For(string? formatName, ReportContext context) => ReportFormatNames.Parse(formatName) switch
    {
        ReportFormat.JUnit => new StreamingXmlDocumentParser(xml => JUnitReportReader.ReadAsync(xml, context), context.Results),
        ReportFormat.Checkstyle => new StreamingXmlDocumentParser(xml => CheckstyleReportReader.ReadAsync(xml, context), context.Results),
        ReportFormat.Pmd => new StreamingXmlDocumentParser(xml => PmdReportReader.ReadAsync(xml, context), context.Results),
        ReportFormat.PmdCpd => new StreamingXmlDocumentParser(xml => PmdCpdReportReader.ReadAsync(xml, context), context.Results),
        ReportFormat.PhplocJson => new BufferedJsonDocumentParser(json => PhplocReportReader.Read(json, context), context.Results),
        ReportFormat.PngBase64 => new Base64FileParser(context),
        _ => new RejectingDocumentParser(formatName is null
            ? $"its begin marker names no format (one of {ReportFormatNames.Known})"
            : $"format '{formatName}' is not one Slipway reads ({ReportFormatNames.Known})"),
    };

    /// <summary>Whether the format is XML, so that a line filter can drop noise from other streams.</summary>
    public static bool IsXml(string? formatName) => ReportFormatNames.Parse(formatName) is { } format && format is not (ReportFormat.PhplocJson or ReportFormat.PngBase64);
}
