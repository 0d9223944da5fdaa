using Slipway.Git;

namespace Slipway.Service.Apps;

/// <summary>An app the service can build: its name (a slug that labels its resources) and its source.</summary>
/// <param name="Repository">The repository full name it is mapped from, when it is.</param>
public sealed record KnownApp(string Name, string Source, string? Repository)
{
    /// <summary>The source with credentials masked, for pages and logs.</summary>
    public string DisplaySource => CredentialRedactor.Redact(Source);
}
