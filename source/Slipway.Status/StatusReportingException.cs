namespace Slipway.Status;

/// <summary>
/// A status could not be delivered or set up. The message is one sentence that says what went wrong and
/// what to fix; it never holds a token, a password or a webhook URL, and no inner exception is kept
/// because transport errors may print the addresses they failed on.
/// </summary>
public sealed class StatusReportingException : Exception
{
    /// <summary>Creates the exception with a message meant for people.</summary>
    public StatusReportingException(string message)
        : base(message)
    {
    }
}
