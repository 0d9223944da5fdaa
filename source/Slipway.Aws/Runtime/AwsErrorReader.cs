using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;

namespace Slipway.Aws.Runtime;

/// <summary>
/// Reads AWS error answers in each protocol's shape: JSON 1.1 (<c>__type</c> and <c>message</c>, or the
/// x-amzn-ErrorType header), REST-XML (<c>ErrorResponse/Error/Code</c>) and EC2 Query
/// (<c>Response/Errors/Error/Code</c>).
/// </summary>
internal static class AwsErrorReader
{
    public static AwsErrorDetails Read(int statusCode, HttpResponseHeaders headers, string body)
    {
        var fromBody = body.TrimStart().StartsWith('{') ? ReadJson(body) : body.TrimStart().StartsWith('<') ? ReadXml(body) : null;
        var code = fromBody?.Code ?? CodeFromHeader(headers) ?? $"Http{statusCode}";
        var message = fromBody?.Message ?? "";
        return new AwsErrorDetails(statusCode, code, message.Trim());
    }

    private static (string? Code, string? Message)? ReadJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var type = Property(root, "__type") ?? Property(root, "code");
            var message = Property(root, "message") ?? Property(root, "Message");
            return (type is null ? null : ShortCode(type), message);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (string? Code, string? Message)? ReadXml(string body)
    {
        try
        {
            var document = XDocument.Parse(body);
            var error = document.Descendants().FirstOrDefault(element => element.Name.LocalName == "Error");
            string? Child(string name) => error?.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value;
            return (Child("Code"), Child("Message"));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string? CodeFromHeader(HttpResponseHeaders headers) =>
        headers.TryGetValues("x-amzn-ErrorType", out var values) && values.FirstOrDefault() is { Length: > 0 } value
            ? ShortCode(value)
            : null;

    // "com.amazonaws.ecs#AccessDeniedException" and "AccessDeniedException:http://internal.amazon.com/..." both mean AccessDeniedException.
    private static string ShortCode(string raw)
    {
        var code = raw[(raw.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':');
        return colon >= 0 ? code[..colon] : code;
    }

    private static string? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
