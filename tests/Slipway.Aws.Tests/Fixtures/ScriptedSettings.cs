namespace Slipway.Aws.Tests.Fixtures;

/// <summary>Settings that pass validation, for tests against a scripted endpoint.</summary>
internal static class ScriptedSettings
{
    public static AwsSettings Valid { get; } = new()
    {
        Region = "eu-west-1",
        Cluster = "c",
        Subnets = ["subnet-0a1b2c3d"],
        SecurityGroups = ["sg-0a1b2c3d"],
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/slipway-execution",
        EcrRepository = "slipway/app",
        HostedZone = "Z0123456789ABC",
        Domain = "playground.example.com",
        TaskPolling = new PollingSchedule(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)),
        PlaygroundPolling = new PollingSchedule(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)),
    };
}
