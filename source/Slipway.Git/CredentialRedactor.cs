using System.Text.RegularExpressions;

namespace Slipway.Git;

/// <summary>
/// Removes credentials embedded in URLs (<c>https://user:token@host/...</c>) from text that leaves
/// Slipway: log lines, exception messages, status reports.
/// </summary>
public static partial class CredentialRedactor
{
    /// <summary>What a redacted user-info part reads as.</summary>
    public const string Mask = "***";

    /// <summary>Replaces the user-info of every URL in the text that carries a secret, and every known secret on its own.</summary>
    /// <param name="text">Any text, e.g. git's error output.</param>
    /// <param name="knownSecrets">Secrets to remove wherever they appear, even outside a URL (see <see cref="SecretsIn"/>).</param>
    public static string Redact(string text, IEnumerable<string>? knownSecrets = null)
    {
        var redacted = UserInfoPattern().Replace(text, match =>
            CarriesSecret(match.Groups["scheme"].Value, match.Groups["userinfo"].Value)
                ? $"{match.Groups["scheme"].Value}://{Mask}@"
                : match.Value);
        foreach (var secret in knownSecrets ?? [])
        {
            redacted = redacted.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return redacted;
    }

    /// <summary>The secrets embedded in the URLs among the given texts (passwords and token user names), to redact them wherever they turn up.</summary>
    public static IReadOnlyList<string> SecretsIn(IEnumerable<string> texts)
    {
        var secrets = new List<string>();
        foreach (var text in texts)
        {
            foreach (Match match in UserInfoPattern().Matches(text))
            {
                var userInfo = match.Groups["userinfo"].Value;
                if (!CarriesSecret(match.Groups["scheme"].Value, userInfo))
                {
                    continue;
                }

                var separator = userInfo.IndexOf(':', StringComparison.Ordinal);
                var secret = separator >= 0 ? userInfo[(separator + 1)..] : userInfo;
                // A one- or two-letter secret would mask unrelated text everywhere; the URL form is still redacted.
                if (secret.Length >= 3)
                {
                    secrets.Add(secret);
                    secrets.Add(Uri.UnescapeDataString(secret));
                }
            }
        }

        return secrets.Distinct(StringComparer.Ordinal).OrderByDescending(secret => secret.Length).ToList();
    }

    // ssh://git@host/... names an account, not a secret; over http(s) a lone user name is usually a token.
    private static bool CarriesSecret(string scheme, string userInfo) =>
        userInfo.Contains(':', StringComparison.Ordinal)
        || scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?<userinfo>[^/@\s'""]+)@")]
    private static partial Regex UserInfoPattern();
}
