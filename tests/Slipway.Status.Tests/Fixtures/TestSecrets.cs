using System.Text;

namespace Slipway.Status.Tests.Fixtures;

/// <summary>Distinctive secret values; no test output may contain any of them.</summary>
public static class TestSecrets
{
    public const string SlackBotToken = "xoxb-1111-2222-SLACKSECRETtoken";
    public const string WebhookPath = "/services/T0001/B0002/WEBHOOKsecret77";
    public const string GitHubToken = "ghp_GITHUBSECRETtoken4412";
    public const string GitHubAppToken = "ghs_GITHUBAPPinstallSECRET9017";
    public const string BitbucketUsername = "slipway-bot";
    public const string BitbucketAppPassword = "ATBBappPASSWORDsecret5521";
    public const string BitbucketAccessToken = "ATCTaccessTOKENsecret8890";
    public const string RemoteCredential = "REMOTEpatSECRET3141";

    /// <summary>Every secret, and the forms they travel in (Basic credentials are base64 of user:password).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SlackBotToken,
        WebhookPath,
        "WEBHOOKsecret77",
        GitHubToken,
        GitHubAppToken,
        BitbucketAppPassword,
        BitbucketAccessToken,
        RemoteCredential,
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BitbucketUsername}:{BitbucketAppPassword}")),
    ];
}
