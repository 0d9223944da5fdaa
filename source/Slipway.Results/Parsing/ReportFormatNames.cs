namespace Slipway.Results.Parsing;

/// <summary>The names the protocol gives the report formats.</summary>
internal static class ReportFormatNames
{
    public const string Known = "junit, checkstyle, pmd, pmd-cpd, phploc-json";

    public static ReportFormat? Parse(string? name) => name switch
    {
        "junit" => ReportFormat.JUnit,
        "checkstyle" => ReportFormat.Checkstyle,
        "pmd" => ReportFormat.Pmd,
        "pmd-cpd" => ReportFormat.PmdCpd,
        "phploc-json" => ReportFormat.PhplocJson,
        _ => null,
    };
}
