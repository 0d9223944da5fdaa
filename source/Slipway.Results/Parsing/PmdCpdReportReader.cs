using System.Xml;

namespace Slipway.Results.Parsing;

/// <summary>
/// Reads PMD-CPD XML as <c>phpcpd --log-pmd</c> writes it: each <c>&lt;duplication lines
/// tokens&gt;</c> with a <c>&lt;file path line/&gt;</c> per copy becomes one warning at the first
/// copy that names the others.
/// </summary>
internal static class PmdCpdReportReader
{
    public const string Rule = "DuplicatedCode";

    public static async Task ReadAsync(XmlReader xml, ReportContext context)
    {
        await XmlValues.ExpectRootAsync(xml, "pmd-cpd").ConfigureAwait(false);
        var copies = new List<(string File, int? Line)>();
        int? lines = null, tokens = null;
        await xml.ReadAsync().ConfigureAwait(false);
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "duplication")
            {
                copies.Clear();
                lines = XmlValues.Int(xml, "lines");
                tokens = XmlValues.Int(xml, "tokens");
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "file")
            {
                copies.Add((context.Paths.Relative(xml.GetAttribute("path") ?? string.Empty), XmlValues.Int(xml, "line")));
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "codefragment")
            {
                await xml.SkipAsync().ConfigureAwait(false);
                continue;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "duplication" && copies.Count > 0)
            {
                context.Results.Findings.Add(Describe(context.Tool, copies, lines, tokens));
            }

            await xml.ReadAsync().ConfigureAwait(false);
        }
    }

    private static Finding Describe(string tool, List<(string File, int? Line)> copies, int? lines, int? tokens)
    {
        var size = lines is { } count ? $"{count} duplicated lines" : "Duplicated code";
        if (tokens is { } tokenCount)
        {
            size += $" ({tokenCount} tokens)";
        }

        var others = copies.Skip(1).Select(copy => SourceLocation.Format(copy.File, copy.Line)).ToList();
        var message = others.Count == 0 ? size : $"{size}, also in {string.Join(", ", others)}";
        return new Finding(tool, FindingSeverity.Warning, copies[0].File, copies[0].Line, null, Rule, message);
    }
}
