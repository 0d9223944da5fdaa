namespace Slipway.Aws.Fargate;

/// <summary>Reads image references Slipway pushed: &lt;registry&gt;/&lt;repository&gt;:&lt;tag&gt;.</summary>
internal static class EcrImageReference
{
    /// <summary>The tag of a reference into <paramref name="repository"/>, or null when the reference points elsewhere.</summary>
    public static string? TagIn(string reference, string repository)
    {
        var colon = reference.LastIndexOf(':');
        if (colon < 0 || reference.IndexOf('/', colon) >= 0)
        {
            return null;
        }

        var path = reference[..colon];
        return path.EndsWith("/" + repository, StringComparison.Ordinal) ? reference[(colon + 1)..] : null;
    }
}
