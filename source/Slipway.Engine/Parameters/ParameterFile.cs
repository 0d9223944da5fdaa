using System.Globalization;
using System.Text.Json;

namespace Slipway.Engine.Parameters;

/// <summary>Reads <c>.nuke/parameters.json</c> and <c>.nuke/parameters.&lt;profile&gt;.json</c>: an object of parameter names to values.</summary>
internal static class ParameterFile
{
    /// <summary>The values in the file, by normalized parameter name.</summary>
    /// <exception cref="UsageException">The file is not a JSON object of simple values.</exception>
    public static Dictionary<string, RawValue> Read(AbsolutePath file, ParameterSource source)
    {
        var values = new Dictionary<string, RawValue>();
        var baseDirectory = file.Parent!.Parent ?? file.Parent!;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
        }
        catch (JsonException exception)
        {
            throw new UsageException($"{file} is not valid JSON ({exception.Message.TrimEnd('.')}); fix or delete it.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{file} must hold a JSON object of parameter names and values.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$') || property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var texts = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(item => Text(file, property.Name, item)).ToList()
                    : [Text(file, property.Name, property.Value)];
                values[ParameterNames.Normalize(property.Name)] = new RawValue(texts, source, baseDirectory, property.Name);
            }
        }

        return values;
    }

    private static string Text(AbsolutePath file, string name, JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => bool.TrueString.ToLower(CultureInfo.InvariantCulture),
        JsonValueKind.False => bool.FalseString.ToLower(CultureInfo.InvariantCulture),
        _ => throw new UsageException($"{file} gives '{name}' a value that is not a string, number, boolean or list of those."),
    };
}
