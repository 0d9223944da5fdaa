namespace Slipway.Aws.Runtime;

/// <summary>An error answer from AWS: its code (e.g. ThrottlingException) and message.</summary>
internal sealed record AwsErrorDetails(int StatusCode, string Code, string Message);
