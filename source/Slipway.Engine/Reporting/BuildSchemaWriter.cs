using System.Text.Json;
using Slipway.Engine.Definition;
using Slipway.Engine.Parameters;

namespace Slipway.Engine.Reporting;

/// <summary>
/// Writes <c>.nuke/build.schema.json</c>, the JSON schema of <c>parameters.json</c>: a property per parameter with its
/// type, allowed values and description, and <c>Target</c>/<c>Skip</c> as lists of target names.
/// </summary>
internal static class BuildSchemaWriter
{
    /// <summary>Writes the schema when its content differs from the file's; returns true when it wrote.</summary>
    public static bool WriteIfChanged(AbsolutePath file, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var content = Create(targets, parameters);
        if (file.FileExists() && File.ReadAllBytes(file).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        file.Parent!.CreateDirectory();
        File.WriteAllBytes(file, content);
        return true;
    }

    public static byte[] Create(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Slipway build parameters");
            json.WriteStartObject("definitions");
            json.WriteStartObject("TargetName");
            json.WriteString("type", "string");
            WriteArray(json, "enum", targets.Select(target => target.Name).Order(StringComparer.Ordinal));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            foreach (var parameter in parameters.Where(parameter => parameter.ReadFromFiles))
            {
                WriteParameter(json, parameter);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteParameter(Utf8JsonWriter json, ParameterDescriptor parameter)
    {
        json.WriteStartObject(parameter.Name);
        var type = parameter.ValueType;
        if (parameter.IsArray)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            if (parameter.HoldsTargetNames)
            {
                json.WriteString("$ref", "#/definitions/TargetName");
            }
            else
            {
                json.WriteString("type", "string");
            }

            json.WriteEndObject();
        }
        else if (type.IsEnum)
        {
            json.WriteString("type", "string");
            WriteArray(json, "enum", Enum.GetNames(type));
        }
        else
        {
            json.WriteString("type", type == typeof(bool) ? "boolean" : type == typeof(int) ? "integer" : "string");
        }

        var description = parameter.IsSecret ? $"{parameter.Description} (secret)".TrimStart() : parameter.Description;
        if (!string.IsNullOrWhiteSpace(description))
        {
            json.WriteString("description", description);
        }

        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
