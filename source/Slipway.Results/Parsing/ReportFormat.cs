namespace Slipway.Results.Parsing;

/// <summary>The report formats a begin marker may name.</summary>
internal enum ReportFormat
{
    JUnit,
    Checkstyle,
    Pmd,
    PmdCpd,
    PhplocJson,
    PngBase64,
}
