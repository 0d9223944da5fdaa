using System.Globalization;
using System.Text;
using System.Xml;

namespace Slipway.Results.Parsing;

/// <summary>Reads attribute values and element text the way every format reader needs them.</summary>
internal static class XmlValues
{
    public const int MaxTextLength = 10_000;

    public static int? Int(XmlReader xml, string name) =>
        int.TryParse(xml.GetAttribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static TimeSpan Seconds(XmlReader xml, string name) =>
        double.TryParse(xml.GetAttribute(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.Zero;

    public static string? NonEmpty(XmlReader xml, string name) => xml.GetAttribute(name) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Reads the text of the element the reader is on (text and CDATA, cut at
    /// <see cref="MaxTextLength"/> characters) and leaves the reader on the node after its end.
    /// </summary>
    public static async Task<string> ReadElementTextAsync(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            await xml.ReadAsync().ConfigureAwait(false);
            return string.Empty;
        }

        var depth = xml.Depth;
        string? single = null;
        StringBuilder? text = null;
        while (await xml.ReadAsync().ConfigureAwait(false))
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
            {
                await xml.ReadAsync().ConfigureAwait(false);
                break;
            }

            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                var value = await xml.GetValueAsync().ConfigureAwait(false);
                if (single is null && text is null)
                {
                    single = value;
                    continue;
                }

                text ??= new StringBuilder(single);
                if (text.Length < MaxTextLength)
                {
                    text.Append(value);
                }
            }
        }

        var all = text?.ToString() ?? single ?? string.Empty;
        return all.Length > MaxTextLength ? all[..MaxTextLength] : all;
    }

    /// <summary>Moves to the root element, or fails when it is not the one the format promises.</summary>
    public static async Task ExpectRootAsync(XmlReader xml, params string[] names)
    {
        await xml.MoveToContentAsync().ConfigureAwait(false);
        if (xml.NodeType != XmlNodeType.Element || !names.Contains(xml.LocalName))
        {
            throw ReportFormatException.WrongRoot(names[0], xml.LocalName);
        }
    }

    /// <summary>Reads the rest of the document, so that anything after the root still has to be well-formed.</summary>
    public static async Task ReadToEndAsync(XmlReader xml)
    {
        while (await xml.ReadAsync().ConfigureAwait(false))
        {
        }
    }
}
