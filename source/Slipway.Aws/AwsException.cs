namespace Slipway.Aws;

/// <summary>
/// An AWS call or an AWS-side state that the user has to act on. The message is one sentence naming
/// what to fix; it never holds credentials, tokens or passwords.
/// </summary>
public sealed class AwsException : Exception
{
    public AwsException(
        string message,
        string? action = null,
        string? errorCode = null,
        int? statusCode = null,
        Exception? innerException = null,
        string? serviceMessage = null,
        bool isTransient = false)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        Action = action;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        ServiceMessage = serviceMessage;
    }

    /// <summary>The IAM action of the call that failed, e.g. ecs:RunTask; null when no call was made.</summary>
    public string? Action { get; }

    /// <summary>AWS's error code, e.g. AccessDeniedException or ThrottlingException.</summary>
    public string? ErrorCode { get; }

    /// <summary>The HTTP status of AWS's answer.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// True when trying again may succeed: AWS throttled the call, answered with a server error, or could
    /// not be reached (a refused, reset or stalled connection).
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>AWS's own message, as it sent it.</summary>
    public string? ServiceMessage { get; }
}
