using System.Security.Cryptography;
using System.Text;

namespace Slipway.Service.Webhooks;

/// <summary>
/// A webhook body read while its HMAC is computed, so that nothing unverified piles up in memory: the first
/// <see cref="InMemoryLimit"/> bytes are kept in memory, the rest in a temporary file that is deleted when the
/// body is disposed. A flood of large forged deliveries costs a few buffers each, and the memory is returned.
/// </summary>
public sealed class VerifiedBody : IAsyncDisposable
{
    /// <summary>Real pull request and push payloads are far smaller than this.</summary>
    public const int InMemoryLimit = 256 * 1024;

    private const int ChunkSize = 16 * 1024;
    private readonly Stream _content;

    private VerifiedBody(Stream content, byte[] digest)
    {
        _content = content;
        Digest = digest;
    }

    /// <summary>The body's HMAC-SHA256 under the secret: what the sender signed, and what a repeated delivery repeats.</summary>
    public byte[] Digest { get; }

    /// <summary>True when the body was kept in memory (it was no larger than <see cref="InMemoryLimit"/>).</summary>
    public bool InMemory => _content is MemoryStream;

    /// <summary>The body, from its start.</summary>
    public Stream Open()
    {
        _content.Position = 0;
        return _content;
    }

    /// <summary>
    /// Reads <paramref name="body"/> to its end, at most <paramref name="maxLength"/> bytes, and checks it against the
    /// signature digest <paramref name="expected"/>.
    /// </summary>
    /// <returns>The body, or null when it is longer than <paramref name="maxLength"/> or its signature does not match.</returns>
    public static async Task<(VerifiedBody? Body, bool TooLarge)> ReadAsync(
        Stream body, string secret, ReadOnlyMemory<byte> expected, long maxLength, CancellationToken cancellationToken)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        Stream content = new MemoryStream();
        var chunk = new byte[ChunkSize];
        long length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxLength)
                {
                    await content.DisposeAsync();
                    return (null, true);
                }

                hmac.AppendData(chunk, 0, read);
                if (content is MemoryStream memory && length > InMemoryLimit)
                {
                    content = SpillToFile(memory);
                }

                await content.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        var digest = hmac.GetHashAndReset();
        if (!CryptographicOperations.FixedTimeEquals(digest, expected.Span))
        {
            await content.DisposeAsync();
            return (null, false);
        }

        return (new VerifiedBody(content, digest), false);
    }

    public ValueTask DisposeAsync() => _content.DisposeAsync();

    private static FileStream SpillToFile(MemoryStream memory)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "slipway-webhook-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, ChunkSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        memory.Position = 0;
        memory.CopyTo(file);
        memory.Dispose();
        return file;
    }
}
