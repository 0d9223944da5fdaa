using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Slipway.Engine.Parameters;

namespace Slipway.Engine.Execution;

/// <summary>
/// The last invocation of the build, for <c>--continue</c>: a hash of its command line (secret values left out) and
/// the targets that succeeded in it. Stored in <c>.nuke/temp/invocations/last.json</c>.
/// </summary>
internal sealed record InvocationRecord(string Key, IReadOnlyList<string> Succeeded)
{
    public static AbsolutePath FileIn(AbsolutePath temporaryDirectory) => temporaryDirectory / "invocations" / "last.json";

    /// <summary>Identifies an invocation by its targets and options, ignoring <c>--continue</c> and the values of secrets.</summary>
    public static string KeyOf(CommandLineArguments commandLine, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var text = new StringBuilder();
        foreach (var target in commandLine.Targets)
        {
            text.Append(target.ToLowerInvariant()).Append('\n');
        }

        foreach (var option in commandLine.Options)
        {
            if (option.Key == ParameterNames.Normalize(nameof(EngineOptions.Continue)))
            {
                continue;
            }

            var secret = parameters.Any(parameter => parameter.IsSecret && parameter.Key == option.Key);
            text.Append("--").Append(option.Key).Append('=');
            text.AppendJoin('\u001f', secret ? ["(secret)"] : option.Values).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The record in the file, or null when there is none or it cannot be read.</summary>
    public static InvocationRecord? Load(AbsolutePath file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            return new InvocationRecord(
                root.GetProperty("key").GetString() ?? string.Empty,
                root.GetProperty("succeeded").EnumerateArray().Select(item => item.GetString() ?? string.Empty).ToList());
        }
        catch (Exception exception) when (exception is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Save(AbsolutePath file)
    {
        file.Parent!.CreateDirectory();
        using var stream = File.Create(file);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("key", Key);
        json.WriteStartArray("succeeded");
        foreach (var name in Succeeded)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
