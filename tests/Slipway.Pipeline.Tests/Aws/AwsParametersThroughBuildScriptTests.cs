using System.Text.RegularExpressions;
using Slipway.Engine;
using Slipway.Pipeline.Tests.Aws.Fixtures;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Aws;

/// <summary>The AWS parameters as a user meets them through ./build.sh: missing settings, Doctor, the aws profile.</summary>
public sealed class AwsParametersThroughBuildScriptTests : IDisposable
{
    private const string SecretKey = "doctor-secret-access-key-value";

    private readonly MachineWithoutAws _machine = new();

    private BuildScript BuildScript => new(_machine.WorkDirectory);

    [Fact]
    public async Task PullRequest_OnAwsWithSettingsMissing_StopsBeforeAnyWorkWithASentenceForEachSetting()
    {
        var run = await BuildScript.RunAsync(["PullRequest", "--branch", "feature/x", "--platform", "aws", "--aws-subnets", "vpc-1"], _machine.Environment());

        run.ExitCode.Should().Be(ExitCodes.TargetFailed, run.ToString());
        run.Output.Should().ContainAll(
            "Region is not set: set AwsRegion (or AWS_REGION, or a region in the AWS profile).",
            "Cluster is not set: name the ECS cluster the tasks run in.",
            "Subnets holds 'vpc-1', which is not a subnet id: use ids of the form subnet-0123abcd.",
            "SecurityGroups is empty: list at least one security group id (sg-...) for the tasks.",
            "ExecutionRoleArn is not a role ARN:",
            "EcrRepository is not a repository name:",
            "HostedZone and Domain are both needed for playground URLs:",
            "No AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY",
            "The AWS platform cannot start: fix the 8 problems above");
        run.Output.Should().NotContain("Checking out", "nothing is built for a platform that cannot run it");
    }

    [Fact]
    public async Task Doctor_WithOnlyAClusterGiven_ChecksAwsAndSaysWhatIsMissingLineByLine()
    {
        var run = await BuildScript.RunAsync(["Doctor", "--aws-cluster", "slipway"], _machine.Environment());

        run.ExitCode.Should().Be(ExitCodes.TargetFailed, run.ToString());
        var lines = run.Output.Split('\n').Select(line => line.TrimEnd()).ToList();
        lines.Should().Contain(line => line.EndsWith("missing  credentials  No AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, run aws sso login for an SSO profile, or run where an ECS or EC2 role applies."));
        lines.Should().Contain(line => line.EndsWith("missing  AwsRegion    Region is not set: set AwsRegion (or AWS_REGION, or a region in the AWS profile)."));
        lines.Should().Contain(line => line.Contains("missing  AwsSubnets ") && line.EndsWith("Subnets is empty: list at least one subnet id (subnet-...) for the tasks."));
        lines.Should().NotContain(line => line.Contains("AwsCluster"), "the cluster was given");
    }

    [Fact]
    public async Task Doctor_WithTheAwsProfileAndKeysInTheEnvironment_SaysWhereTheCredentialsComeFromButNotWhatTheyAre_ThenAsksAws()
    {
        // An AWS that refuses every connection: Doctor's questions about the resources fail, and say so.
        var closedPort = LoopbackPort.Free();
        var environment = _machine.Environment(
            ("AWS_ACCESS_KEY_ID", "AKIDDOCTOREXAMPLE"), ("AWS_SECRET_ACCESS_KEY", SecretKey), ("AWS_ENDPOINT_URL", $"http://127.0.0.1:{closedPort}/"));

        var run = await BuildScript.RunAsync(["Doctor", "--profile", "aws"], environment);

        run.ExitCode.Should().Be(ExitCodes.TargetFailed, run.ToString());
        run.Output.Should().ContainAll(
            "ok       credentials  from the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
            "ok       AwsRegion    eu-west-1 (from AwsRegion)",
            "ok       aws settings cluster slipway, 2 subnets, 1 security group, images in slipway/drupal-site, logs in /slipway, playgrounds at https://<branch>.playground.example.com/",
            $"missing  aws resources Could not reach AWS ECS at http://127.0.0.1:{closedPort} for ecs:DescribeClusters");
        run.Output.Should().NotContain(SecretKey).And.NotContain("AKIDDOCTOREXAMPLE");
    }

    [Fact]
    public async Task Doctor_WithTheRegionFromAWS_REGION_NamesThatVariableAsItsSource()
    {
        var environment = _machine.Environment(
            ("AWS_ACCESS_KEY_ID", "AKIDDOCTOREXAMPLE"), ("AWS_SECRET_ACCESS_KEY", SecretKey), ("AWS_REGION", "eu-central-1"),
            ("AWS_ENDPOINT_URL", $"http://127.0.0.1:{LoopbackPort.Free()}/"));

        var run = await BuildScript.RunAsync(["Doctor", "--profile", "aws"], environment);

        run.Output.Should().Contain("ok       AwsRegion    eu-central-1 (from AWS_REGION)", run.ToString());
    }

    [Fact]
    public async Task EveryAwsKeyOfTheProfileDocumentation_IsAnOptionOfTheBuild()
    {
        var documented = Regex.Matches(await File.ReadAllTextAsync(RepositoryRoot.Combine("docs", "aws.md")), @"^\| `(Aws\w+)` \|", RegexOptions.Multiline)
            .Select(match => "--" + Regex.Replace(match.Groups[1].Value, "(?<=[a-z])(?=[A-Z])", "-").ToLowerInvariant())
            .ToList();

        var help = await BuildScript.RunAsync(["--help"], _machine.Environment());

        documented.Should().HaveCountGreaterThan(20).And.Contain("--aws-execution-role-arn");
        help.Output.Should().ContainAll(documented);
    }

    [Fact]
    public async Task Doctor_OnTheLocalPlatform_HasNoAwsLines()
    {
        var run = await BuildScript.RunAsync(["Doctor", "--platform", "local", "--aws-cluster", "slipway"], _machine.Environment());

        run.Output.Should().Contain("docker").And.NotContain("credentials").And.NotContain("AwsRegion");
    }

    public void Dispose() => _machine.Dispose();
}
