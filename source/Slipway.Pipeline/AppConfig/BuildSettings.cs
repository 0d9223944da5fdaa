namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// The <c>build</c> and <c>hooks</c> sections of <c>.slipway.yml</c>: which of Slipway's build steps run, the
/// app's own build commands, and where its hooks are. Defaults: every step, no commands, <c>devops_hooks/</c>.
/// </summary>
public sealed record BuildSettings
{
    public static BuildSettings Default { get; } = new();

    /// <summary>False leaves composer out (the app builds vendor/ itself, or has none).</summary>
    public bool Composer { get; init; } = true;

    /// <summary>Platform requirements composer ignores (<c>ext-gd</c>, <c>php</c>): composer's own COMPOSER_IGNORE_PLATFORM_REQ.</summary>
    public IReadOnlyList<string> ComposerIgnorePlatform { get; init; } = [];

    /// <summary>False leaves the theme builds (npm) out.</summary>
    public bool Themes { get; init; } = true;

    /// <summary>Commands run in the app's folder after composer and the themes, before the hooks, one line each.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>The app's hooks folder, relative to the repository root.</summary>
    public string HooksFolder { get; init; } = "devops_hooks";

    /// <summary>False leaves Slipway's default hooks (drush updatedb, config import, cache rebuild) out.</summary>
    public bool SlipwayHooks { get; init; } = true;

    /// <summary>The build task's environment that says all of this to docker/builder/build-app.sh: data, never command-line words.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["SLIPWAY_COMPOSER"] = Composer ? "1" : "0",
            ["SLIPWAY_THEMES"] = Themes ? "1" : "0",
            ["SLIPWAY_DEFAULT_HOOKS"] = SlipwayHooks ? "1" : "0",
            ["SLIPWAY_HOOKS_FOLDER"] = HooksFolder,
        };
        if (Commands.Count > 0)
        {
            environment["SLIPWAY_BUILD_COMMANDS"] = string.Join('\n', Commands);
        }

        if (ComposerIgnorePlatform.Count > 0)
        {
            environment["COMPOSER_IGNORE_PLATFORM_REQ"] = string.Join(',', ComposerIgnorePlatform);
        }

        return environment;
    }

    public bool Equals(BuildSettings? other) =>
        other is not null && Composer == other.Composer && Themes == other.Themes && SlipwayHooks == other.SlipwayHooks
        && HooksFolder == other.HooksFolder && Commands.SequenceEqual(other.Commands)
        && ComposerIgnorePlatform.SequenceEqual(other.ComposerIgnorePlatform);

    public override int GetHashCode() => HashCode.Combine(Composer, Themes, SlipwayHooks, HooksFolder, Commands.Count);
}
