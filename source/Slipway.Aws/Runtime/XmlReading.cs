using System.Xml.Linq;

namespace Slipway.Aws.Runtime;

/// <summary>Reads AWS XML answers by local element names, whatever namespace the answer declares.</summary>
internal static class XmlReading
{
    public static IEnumerable<XElement> All(this XContainer container, string localName) =>
        container.Descendants().Where(element => element.Name.LocalName == localName);

    public static XElement? Child(this XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(element => element.Name.LocalName == localName);

    public static string ChildValue(this XElement parent, string localName) => parent.Child(localName)?.Value ?? "";
}
