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
        Span<byte> given = stackalloc byte[32];
        if (!TryRead(header, given))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>
    /// Reads the digest out of a signature header; false when the header is missing or not <c>sha256=</c> and 64 hex
    /// digits, so that a delivery that cannot be genuine is refused before its body is read.
    /// </summary>
    public static bool TryRead(string? header, Span<byte> digest)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64 || digest.Length != 32)
        {
            return false;
        }

        return Convert.FromHexString(header.AsSpan(Prefix.Length), digest, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;
    }
}
