using Slipway.Git;

namespace Slipway.Composition.Releases;

/// <summary>
/// A registry v2 cannot be asked about a release (unreachable, refuses the credentials, answers with an
/// error) for a reason the user can fix. One sentence, credentials redacted.
/// </summary>
public sealed class RegistryException : Exception
{
    public RegistryException(string message)
        : base(CredentialRedactor.Redact(message))
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(CredentialRedactor.Redact(message), innerException)
    {
    }
}
