using System.Text.RegularExpressions;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// HTTP basic auth in front of an app's playground (<c>playground.basic_auth</c>). Only the user name is in the
/// repository; the password is Slipway's own secret (<c>SLIPWAY_PLAYGROUND_PASSWORD</c>), handed to the playground
/// as a file. Slipway's readiness path and <see cref="OpenPaths"/> answer without credentials.
/// </summary>
/// <param name="User">The user name people sign in with (<c>playground.basic_auth.user</c>).</param>
/// <param name="OpenPaths">
/// URL paths answered without credentials, each with everything below it: the app's webhooks and health pages
/// (<c>playground.basic_auth.open_paths</c>).
/// </param>
public sealed partial record PlaygroundBasicAuth(string User, IReadOnlyList<string> OpenPaths)
{
    /// <summary>The sentence for an app that asks for basic auth on a Slipway that has no password for it.</summary>
    public static string MissingPassword(string branch) =>
        $"The app asks for basic auth on its playground (playground.basic_auth in .slipway.yml) but Slipway has no password for it: " +
        $"set SLIPWAY_PLAYGROUND_PASSWORD (or SLIPWAY_PLAYGROUND_PASSWORD_FILE, a file that holds it) where Slipway runs, then build {branch} again.";

    internal static PlaygroundBasicAuth? Read(ValueReader read)
    {
        var user = read.Text("playground.basic_auth.user", UserName(), "a user name of 1-64 letters, digits or . _ @ -, e.g. qa");
        var openPaths = read.Texts(
            "playground.basic_auth.open_paths", OpenPath(), "URL paths below the site's root such as /webhooks or /health.php (letters, digits, . _ ~ - /)");
        if (user is null)
        {
            return openPaths is null ? null
                : throw new AppConfigException(
                    $"{AppConfigKeys.FileName} gives 'playground.basic_auth.open_paths' without 'playground.basic_auth.user': name the user people sign in with, or remove the open paths.");
        }

        return new PlaygroundBasicAuth(user, openPaths?.Select(path => path.TrimEnd('/')).Distinct().ToList() ?? []);
    }

    // The same shapes slipway-basic-auth.sh accepts, so what the file says is what Apache gets.
    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,64}$")]
    private static partial Regex UserName();

    // Not / itself: that would open the whole site.
    [GeneratedRegex(@"^/[A-Za-z0-9._~-][A-Za-z0-9._~/-]{0,199}$")]
    private static partial Regex OpenPath();
}
