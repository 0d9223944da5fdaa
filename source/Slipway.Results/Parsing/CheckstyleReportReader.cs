using System.Xml;

namespace Slipway.Results.Parsing;

/// <summary>
/// Reads checkstyle XML (<c>&lt;checkstyle&gt;&lt;file name&gt;&lt;error line column severity
/// message source/&gt;</c>), which phpcs, phpstan and Slipway's conversion of <c>php -l</c> write.
/// </summary>
internal static class CheckstyleReportReader
{
    public static async Task ReadAsync(XmlReader xml, ReportContext context)
    {
        await XmlValues.ExpectRootAsync(xml, "checkstyle").ConfigureAwait(false);
        string file = string.Empty;
        while (await xml.ReadAsync().ConfigureAwait(false))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "file")
            {
                file = context.Paths.Relative(xml.GetAttribute("name") ?? string.Empty);
            }
            else if (xml.LocalName == "error")
            {
                context.Results.Findings.Add(new Finding(
                    context.Tool,
                    Severity(xml.GetAttribute("severity")),
                    file,
                    XmlValues.Int(xml, "line"),
                    XmlValues.Int(xml, "column"),
                    xml.GetAttribute("source") ?? string.Empty,
                    (xml.GetAttribute("message") ?? string.Empty).Trim()));
            }
        }
    }

    private static FindingSeverity Severity(string? severity) => severity switch
    {
        "error" => FindingSeverity.Error,
        "warning" => FindingSeverity.Warning,
        _ => FindingSeverity.Notice,
    };
}
