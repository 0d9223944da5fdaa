namespace Slipway.Status;

/// <summary>Replaces known secret values in text with "***", the last guard before a warning is written.</summary>
internal sealed class SecretScrubber(IEnumerable<string> secrets)
{
    private readonly List<string> secrets = secrets.Where(secret => secret.Length >= 4).Distinct().OrderByDescending(secret => secret.Length).ToList();

    public string Scrub(string text) =>
        secrets.Aggregate(text, (scrubbed, secret) => scrubbed.Replace(secret, "***", StringComparison.Ordinal));
}
