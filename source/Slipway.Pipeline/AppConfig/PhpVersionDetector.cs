using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// The PHP version an app needs, read from its composer.json when <c>.slipway.yml</c> does not say:
/// <c>config.platform.php</c> (the version composer resolves for) first, then the <c>require.php</c> constraint,
/// which picks Slipway's default when that satisfies it, else the newest known version that does.
/// </summary>
public static partial class PhpVersionDetector
{
    /// <summary>The version used when nothing says otherwise.</summary>
    public const string Default = "8.2";

    /// <summary>The versions a constraint is matched against, newest first.</summary>
    public static IReadOnlyList<string> Known { get; } = ["8.4", "8.3", "8.2", "8.1", "8.0", "7.4", "7.3", "7.2", "7.1", "7.0", "5.6"];

    /// <summary>The version (major.minor) and where it came from, for the log.</summary>
    public static (string Version, string Source) Detect(string appRoot)
    {
        var composerJson = Path.Combine(appRoot, "composer.json");
        if (!File.Exists(composerJson))
        {
            return (Default, "Slipway's default (no composer.json)");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(composerJson));
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (Default, "Slipway's default (composer.json is not valid JSON)");
        }

        if (Property(root, "config", "platform", "php") is { } platform && MajorMinor().Match(platform) is { Success: true } match)
        {
            return (match.Value, "composer.json config.platform.php");
        }

        if (Property(root, "require", "php") is { } constraint)
        {
            if (ComposerConstraint.Allows(constraint, Default))
            {
                return (Default, $"Slipway's default, which composer.json's require.php '{constraint}' allows");
            }

            if (Known.FirstOrDefault(version => ComposerConstraint.Allows(constraint, version)) is { } allowed)
            {
                return (allowed, $"composer.json require.php '{constraint}'");
            }
        }

        return (Default, "Slipway's default");
    }

    private static string? Property(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    [GeneratedRegex(@"^\d+\.\d+")]
    private static partial Regex MajorMinor();
}
