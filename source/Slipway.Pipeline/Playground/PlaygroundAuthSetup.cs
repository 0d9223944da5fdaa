using System.Net.Http.Headers;
using System.Text;
using Slipway.Engine;
using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Playground;

/// <summary>
/// What a playground gets for its app's basic auth (<c>playground.basic_auth</c>), in the terms of Slipway's app image
/// (<c>docker/app/slipway-basic-auth.sh</c>): the user and the open paths as environment, the password as a secret
/// (a file locally, see <see cref="Slipway.Platform.TaskSecrets"/>), and the credentials for Slipway's own readiness probe.
/// </summary>
/// <param name="Environment">The variables to add to the playground's environment.</param>
/// <param name="Secrets">The secrets to add to the playground's secrets.</param>
/// <param name="ProbeCredentials">What the readiness probe presents, so that a readiness path behind the auth (/) still answers.</param>
internal sealed record PlaygroundAuthSetup(
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> Secrets,
    AuthenticationHeaderValue? ProbeCredentials)
{
    public const string UserVariable = "SLIPWAY_BASIC_AUTH_USER";
    public const string OpenPathsVariable = "SLIPWAY_BASIC_AUTH_OPEN_PATHS";
    public const string PasswordSecret = "SLIPWAY_BASIC_AUTH_PASSWORD";

    private static PlaygroundAuthSetup None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), null);

    /// <summary>The setup for <paramref name="profile"/>'s playground; nothing for an app that does not ask for basic auth.</summary>
    /// <exception cref="BuildFailedException">The app asks for basic auth and Slipway has no password for it.</exception>
    public static PlaygroundAuthSetup For(AppProfile profile, PipelineSettings settings)
    {
        if (profile.Access.BasicAuth is not { } auth)
        {
            return None;
        }

        if (settings.PlaygroundPassword is not { Length: > 0 } password)
        {
            throw new BuildFailedException(PlaygroundBasicAuth.MissingPassword(settings.Branch));
        }

        return new PlaygroundAuthSetup(
            new Dictionary<string, string>
            {
                [UserVariable] = auth.User,
                [OpenPathsVariable] = string.Join(':', OpenPaths(profile.Readiness, auth)),
            },
            new Dictionary<string, string> { [PasswordSecret] = password },
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.User}:{password}"))));
    }

    /// <summary>
    /// The app's open paths and the readiness path (its health page, which monitors ask without credentials too) —
    /// unless that is the site's root, which would open everything: the probe then signs in instead.
    /// </summary>
    private static IEnumerable<string> OpenPaths(ReadinessCheck readiness, PlaygroundBasicAuth auth)
    {
        var readinessPath = readiness.Path.Split('?', '#')[0].TrimEnd('/');
        return (readinessPath.Length == 0 ? auth.OpenPaths : [readinessPath, .. auth.OpenPaths]).Distinct(StringComparer.Ordinal);
    }
}
