namespace Slipway.Git.Releases;

/// <summary>A name and e-mail address git records as the tagger of a release tag.</summary>
public sealed record GitIdentity(string Name, string Email);
