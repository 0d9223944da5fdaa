using System.Net;
using System.Text;

namespace Slipway.Service.Web;

/// <summary>
/// Builds a page's HTML. Every text and attribute value passes through HTML encoding; only the literal markup
/// written by the page classes themselves goes in unencoded (<see cref="Markup"/>).
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Appends markup the page wrote itself; never anything that came from a request, the store or a run.</summary>
    public HtmlWriter Markup(string literal)
    {
        _html.Append(literal);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        _html.Append(Encode(text));
        return this;
    }

    /// <summary>Opens an element with encoded attribute values; attributes with a null value are left out.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _html.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only encoded text.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public HtmlWriter Link(string href, string? text, string? cssClass = null) =>
        Element("a", text, ("href", href), ("class", cssClass));

    /// <summary>A cell with encoded text.</summary>
    public HtmlWriter Cell(string? text, string? cssClass = null) => Element("td", text, ("class", cssClass));

    /// <summary>A hidden form field.</summary>
    public HtmlWriter Hidden(string name, string value) =>
        Open("input", ("type", "hidden"), ("name", name), ("value", value));

    public override string ToString() => _html.ToString();
}
