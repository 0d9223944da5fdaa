using System.Xml;

namespace Slipway.Results.Parsing;

/// <summary>
/// Reads PMD XML as phpmd writes it: <c>&lt;pmd&gt;&lt;file name&gt;&lt;violation beginline rule
/// ruleset priority&gt;message&lt;/violation&gt;</c>, plus <c>&lt;error filename msg/&gt;</c> for files
/// phpmd could not parse, which become findings of rule <c>ProcessingError</c>.
/// </summary>
internal static class PmdReportReader
{
    public static async Task ReadAsync(XmlReader xml, ReportContext context)
    {
        await XmlValues.ExpectRootAsync(xml, "pmd").ConfigureAwait(false);
        string file = string.Empty;
        await xml.ReadAsync().ConfigureAwait(false);
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "file")
            {
                file = context.Paths.Relative(xml.GetAttribute("name") ?? string.Empty);
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "violation")
            {
                var severity = Severity(XmlValues.Int(xml, "priority"));
                var line = XmlValues.Int(xml, "beginline");
                var rule = xml.GetAttribute("rule") ?? string.Empty;
                var message = CollapseWhiteSpace(await XmlValues.ReadElementTextAsync(xml).ConfigureAwait(false));
                context.Results.Findings.Add(new Finding(context.Tool, severity, file, line, null, rule, message));
                continue;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "error")
            {
                var failedFile = context.Paths.Relative(xml.GetAttribute("filename") ?? string.Empty);
                var message = (xml.GetAttribute("msg") ?? string.Empty).Trim();
                context.Results.Findings.Add(new Finding(context.Tool, FindingSeverity.Error, failedFile, null, null, "ProcessingError", message));
            }

            await xml.ReadAsync().ConfigureAwait(false);
        }
    }

    /// <summary>PMD priorities run from 1 (most important) to 5.</summary>
    private static FindingSeverity Severity(int? priority) => priority switch
    {
        1 or 2 => FindingSeverity.Error,
        3 or null => FindingSeverity.Warning,
        _ => FindingSeverity.Notice,
    };

    private static string CollapseWhiteSpace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
