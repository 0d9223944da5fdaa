namespace Slipway.Results.Parsing;

/// <summary>The names the protocol gives the report formats.</summary>
internal static class ReportFormatNames
{
    public const string Known = "junit, checkstyle, pmd, pmd-cpd, phploc-json, png-base64";

    public static ReportFormat? Parse(string? name) => name switch
    {
        "junit" => ReportFormat.JUnit,
        "checkstyle" => ReportFormat.Checkstyle,
        "pmd" => ReportFormat.Pmd,
        "pmd-cpd" => ReportFormat.PmdCpd,
        "phploc-json" => ReportFormat.PhplocJson,
        "png-base64" => ReportFormat.PngBase64,
        _ => null,
    };
}
