using System.Text.RegularExpressions;

namespace Slipway.Pipeline.AppConfig;

/// <summary>Reads the <c>build</c> and <c>hooks</c> sections of <c>.slipway.yml</c>.</summary>
internal static partial class BuildSettingsReader
{
    /// <summary>The keys these sections add to <see cref="AppConfigKeys"/>.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["build", "hooks"];

    public static IReadOnlyList<string> Values { get; } =
        ["build.composer", "build.composer_ignore_platform", "build.themes", "build.commands", "hooks.folder", "hooks.slipway_defaults"];

    public static BuildSettings Read(ValueReader read) => new()
    {
        Composer = read.Flag("build.composer") ?? true,
        ComposerIgnorePlatform = read.Texts("build.composer_ignore_platform", PlatformRequirement(), "platform requirements such as ext-gd or php") ?? [],
        Themes = read.Flag("build.themes") ?? true,
        Commands = read.Texts("build.commands", Command(), "commands of one line each (at most 500 characters), e.g. [\"npm --prefix web/themes/custom/acme run build\"]") ?? [],
        HooksFolder = read.Path("hooks.folder", allowGlob: false) ?? BuildSettings.Default.HooksFolder,
        SlipwayHooks = read.Flag("hooks.slipway_defaults") ?? true,
    };

    [GeneratedRegex(@"^(php(-64bit|-ipv6|-zts|-debug)?|hhvm|composer(-plugin-api|-runtime-api)?|(ext|lib)-[A-Za-z0-9_.-]{1,60})$")]
    private static partial Regex PlatformRequirement();

    [GeneratedRegex(@"^[^\r\n\0]{1,500}$")]
    private static partial Regex Command();
}
