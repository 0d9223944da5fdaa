using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Slipway.Aws.Runtime;

/// <summary>Turns AWS's error answers into one sentence that says what to fix.</summary>
internal static partial class AwsErrorMessages
{
    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException",
    };

    private static readonly HashSet<string> RejectedCredentialCodes = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidClientTokenId", "InvalidAccessKeyId", "AuthFailure",
        "SignatureDoesNotMatch", "IncompleteSignature", "InvalidSignatureException", "MissingAuthenticationToken",
        "ExpiredToken", "ExpiredTokenException", "RequestExpired",
    };

    public const string NoCredentials =
        "No AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where a container or instance role is available.";

    public static AwsException From(AwsOperation operation, AwsErrorDetails error)
    {
        var message = error.Code switch
        {
            _ when AccessDeniedCodes.Contains(error.Code) =>
                $"AWS refused {DeniedAction(operation, error)}: grant it to {Principal(error)}, see docs/iam-policy.json.",
            _ when RejectedCredentialCodes.Contains(error.Code) =>
                $"AWS rejected the credentials used for {operation.Action} ({error.Code}): check AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, renew an expired session (aws sso login) and check this machine's clock.",
            "ClusterNotFoundException" =>
                $"The ECS cluster was not found ({operation.Action}): check the Cluster setting and the Region.",
            _ => $"AWS {operation.Action} failed with {error.Code}{Detail(error.Message)}.",
        };
        return new AwsException(
            message, operation.Action, error.Code, error.StatusCode, serviceMessage: error.Message, isTransient: AwsRetryPolicy.IsRetryable(error));
    }

    public static AwsException Unreachable(AwsOperation operation, Uri endpoint, Exception cause) =>
        new(
            $"Could not reach AWS {operation.Service.Name} at {endpoint.GetLeftPart(UriPartial.Authority)} for {operation.Action} ({Reason(cause)}): check the network, the Region and AWS_ENDPOINT_URL_{operation.Service.EndpointKey}.",
            operation.Action,
            innerException: cause,
            isTransient: true);

    public static AwsException TooSlow(AwsOperation operation, Uri endpoint, TimeSpan total, int attempts, Exception cause) =>
        new(
            $"AWS {operation.Service.Name} at {endpoint.GetLeftPart(UriPartial.Authority)} did not answer {operation.Action} within {total.TotalSeconds:0.#} s ({attempts} attempts): check the network, the Region and AWS_ENDPOINT_URL_{operation.Service.EndpointKey}.",
            operation.Action,
            innerException: cause,
            isTransient: true);

    // The operating system's words for a socket failure ("Connection reset by peer"), else the kind of HTTP
    // failure: the build runs with UseSystemResourceKeys, where .NET's own messages are bare resource keys.
    private static string Reason(Exception cause)
    {
        var chain = new List<Exception>();
        for (var inner = cause; inner is not null; inner = inner.InnerException)
        {
            chain.Add(inner);
        }

        if (chain.OfType<SocketException>().FirstOrDefault() is { } socket)
        {
            return socket.Message.TrimEnd('.');
        }

        var kind = chain.Select(exception => exception switch
        {
            HttpRequestException request => request.HttpRequestError,
            HttpIOException io => io.HttpRequestError,
            _ => HttpRequestError.Unknown,
        }).FirstOrDefault(error => error != HttpRequestError.Unknown);
        return kind switch
        {
            HttpRequestError.ResponseEnded => "the connection closed before the answer",
            HttpRequestError.ConnectionError => "the connection failed",
            HttpRequestError.NameResolutionError => "the host name did not resolve",
            HttpRequestError.SecureConnectionError => "the TLS connection failed",
            HttpRequestError.Unknown => cause.Message.TrimEnd('.'),
            _ => kind.ToString(),
        };
    }

    // Denials caused by a second action (iam:PassRole during ecs:RunTask) name that action in the message.
    private static string DeniedAction(AwsOperation operation, AwsErrorDetails error) =>
        DeniedActionPattern().Match(error.Message) is { Success: true } match ? match.Groups[1].Value : operation.Action;

    private static string Principal(AwsErrorDetails error) =>
        PrincipalPattern().Match(error.Message) is { Success: true } match ? match.Groups[1].Value : "the AWS identity Slipway runs as";

    private static string Detail(string message) =>
        message.Length == 0 ? "" : $": {message.Split('\n')[0].TrimEnd('.', ' ')}";

    [GeneratedRegex(@"User: (\S+) is not authorized")]
    private static partial Regex PrincipalPattern();

    [GeneratedRegex(@"to perform: ([a-z0-9-]+:[A-Za-z0-9]+)")]
    private static partial Regex DeniedActionPattern();
}
