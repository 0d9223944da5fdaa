namespace Slipway.Git.Checkout;

/// <summary>
/// The app's source cannot be checked out for a reason the user can fix (unknown branch, unreachable
/// URL, not a folder). The message is one sentence naming what to fix, with credentials redacted.
/// </summary>
public sealed class CheckoutException : Exception
{
    public CheckoutException(string message)
        : base(CredentialRedactor.Redact(message))
    {
    }

    public CheckoutException(string message, Exception innerException)
        : base(CredentialRedactor.Redact(message), innerException)
    {
    }
}
