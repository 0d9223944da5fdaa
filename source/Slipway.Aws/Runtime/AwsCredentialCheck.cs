using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Slipway.Aws.Runtime;

/// <summary>
/// Finds the AWS credentials the clients will sign with, the way they find them (explicit ones, the named
/// profile, then the SDK's default chain), and says where they come from, never what they are.
/// </summary>
public sealed class AwsCredentialCheck(AwsClientOptions options)
{
    /// <summary>Where the credentials come from, e.g. "the AWS profile 'ci'"; null when none are found.</summary>
    public string? FindSource()
    {
        AWSCredentials credentials;
        try
        {
            // The same search the clients make, so that what is reported is what they will sign with.
            credentials = new AwsCredentialSource(options).GetAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (AwsException)
        {
            return null;
        }

        return options.Credentials is not null
            ? "the credentials Slipway was given"
            : Describe(credentials, options.Profile is { Length: > 0 } profile ? profile : DefaultAWSCredentialsIdentityResolver.GetProfileName());
    }

    /// <summary>What to do when <see cref="FindSource"/> finds nothing, in one sentence.</summary>
    public string MissingSentence() =>
        (options.Profile is { Length: > 0 } ? options.Profile : options.EnvironmentVariable("AWS_PROFILE")) is { Length: > 0 } profile
            ? $"The AWS profile '{profile}' has no credentials: check its name (AWS_PROFILE) and ~/.aws/config, or run aws sso login for an SSO profile."
            : "No AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, run aws sso login for an SSO profile, or run where an ECS or EC2 role applies.";

    private static string Describe(AWSCredentials credentials, string? profile) => credentials switch
    {
        EnvironmentVariablesAWSCredentials => "the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
        AssumeRoleWithWebIdentityCredentials => "a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)",
        SSOAWSCredentials => $"the SSO profile '{profile}' (aws sso login renews its session)",
        GenericContainerCredentials => "the ECS task role",
        InstanceProfileAWSCredentials => "the EC2 instance role",
        _ => $"the AWS profile '{profile ?? "default"}'",
    };
}
