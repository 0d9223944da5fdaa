namespace Slipway.Git.Releases;

/// <summary>
/// A release is refused or cannot be made for a reason the user can fix (version not greater than
/// the last one, tag already on another commit, remote unreachable). One sentence, credentials redacted.
/// </summary>
public sealed class ReleaseException : Exception
{
    public ReleaseException(string message)
        : base(CredentialRedactor.Redact(message))
    {
    }

    public ReleaseException(string message, Exception innerException)
        : base(CredentialRedactor.Redact(message), innerException)
    {
    }
}
