using System.Security.Cryptography;
using System.Text;

namespace Slipway.Service.Webhooks;

/// <summary>
/// The HMAC-SHA256 signature GitHub (X-Hub-Signature-256) and Bitbucket Cloud (X-Hub-Signature) put on a delivery:
/// <c>sha256=</c> and the hex digest of the raw body, keyed with the webhook's secret.
/// </summary>
public static class WebhookSignature
{
    private const string Prefix = "sha256=";

    /// <summary>The header value a sender computes for <paramref name="body"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>True when <paramref name="header"/> is the signature of <paramref name="body"/> under <paramref name="secret"/>; compared in constant time.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
