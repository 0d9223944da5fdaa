using Amazon.Runtime;
using Slipway.Aws;
using Slipway.Aws.Runtime;

namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>Settings and client options for tests that make no AWS call: complete, valid, and blind to this machine's AWS setup.</summary>
internal static class AwsTestSettings
{
    public static AwsSettings Valid => new()
    {
        Region = "eu-west-1",
        Cluster = "slipway",
        Subnets = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
        SecurityGroups = ["sg-0123456789abcdef0"],
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/slipway-task-execution",
        EcrRepository = "slipway/drupal-site",
        HostedZone = "example.com",
        Domain = "playground.example.com",
    };

    /// <summary>Explicit credentials, and no environment variables read.</summary>
    public static AwsClientOptions ClientOptions(Func<string, string?>? environment = null) => new()
    {
        Credentials = new BasicAWSCredentials("AKIDUNITTESTS", "unit-tests-secret-value"),
        EnvironmentVariable = environment ?? (_ => null),
    };
}
