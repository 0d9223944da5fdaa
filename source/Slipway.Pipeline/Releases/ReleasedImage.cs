namespace Slipway.Pipeline.Releases;

/// <summary>The tested image as it was released.</summary>
/// <param name="Reference">Where it can be pulled from, e.g. <c>127.0.0.1:5000/shop:1.4.0</c>.</param>
/// <param name="Digest">The manifest digest the registry reported (<c>sha256:...</c>); null when the image did not go through a registry push this stage could see.</param>
public sealed record ReleasedImage(string Reference, string? Digest)
{
    /// <summary>The reference pinned to its digest when known: what operations roll out.</summary>
    public string PinnedReference => Digest is null ? Reference : $"{Reference}@{Digest}";
}
