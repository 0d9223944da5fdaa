using Slipway.Aws;
using Slipway.Aws.Runtime;
using Slipway.Composition.Doctor;
using Slipway.Pipeline.Tests.Aws.Fixtures;

namespace Slipway.Pipeline.Tests.Aws;

/// <summary>What Doctor says about the AWS platform, from settings and credentials alone.</summary>
public sealed class AwsSetupCheckTests
{
    [Fact]
    public void Run_WithCredentialsAndCompleteSettings_IsOkOnEveryLineAndNamesWhatItFound()
    {
        var checks = new AwsSetupCheck(AwsTestSettings.ClientOptions()).Run(AwsTestSettings.Valid);

        checks.Should().Equal(
            new SetupCheck("credentials", true, "from the credentials Slipway was given"),
            new SetupCheck("AwsRegion", true, "eu-west-1 (from AwsRegion)"),
            new SetupCheck(
                "aws settings",
                true,
                "cluster slipway, 2 subnets, 1 security group, images in slipway/drupal-site, logs in /slipway, playgrounds at https://<branch>.playground.example.com/"));
    }

    [Fact]
    public void Run_WithoutARegionSetting_TakesAwsDefaultRegionAndSaysSo()
    {
        var options = AwsTestSettings.ClientOptions(name => name == "AWS_DEFAULT_REGION" ? "eu-central-1" : null);

        var checks = new AwsSetupCheck(options).Run(AwsTestSettings.Valid with { Region = null });

        checks.Should().ContainSingle(check => check.Name == "AwsRegion").Which.Should().Be(new SetupCheck("AwsRegion", true, "eu-central-1 (from AWS_DEFAULT_REGION)"));
    }

    [Fact]
    public void Run_WithABadRegionName_ReportsItOnTheRegionLineOnly()
    {
        var checks = new AwsSetupCheck(AwsTestSettings.ClientOptions()).Run(AwsTestSettings.Valid with { Region = "Ireland" });

        checks.Where(check => !check.Ok).Should().ContainSingle()
            .Which.Should().Be(new SetupCheck("AwsRegion", false, "Region 'Ireland' is not an AWS region name: use a name such as eu-west-1."));
    }

    [Fact]
    public void Run_WithSettingsProblems_ReportsEachOnItsOwnLineNamedByTheParameterToFix()
    {
        var settings = AwsTestSettings.Valid with { Cluster = "", Subnets = ["vpc-1"], TestsSize = new TaskSize(256, 4096), Domain = null };

        var checks = new AwsSetupCheck(AwsTestSettings.ClientOptions()).Run(settings);

        checks.Where(check => !check.Ok).Select(check => check.Name).Should().Equal("AwsCluster", "AwsSubnets", "AwsHostedZone", "AwsTestsCpu/Memory");
        checks.Single(check => check.Name == "AwsSubnets").Detail.Should().Be("Subnets holds 'vpc-1', which is not a subnet id: use ids of the form subnet-0123abcd.");
        checks.Should().NotContain(check => check.Name == "aws settings");
    }

    [Fact]
    public void Run_WithAProfileThatDoesNotExist_SaysWhichProfileHasNoCredentials()
    {
        var profile = "slipway-no-such-profile-" + Guid.NewGuid().ToString("N")[..8];
        var options = new AwsClientOptions { Profile = profile, EnvironmentVariable = _ => null };

        var credentials = new AwsSetupCheck(options).Run(AwsTestSettings.Valid).First();

        credentials.Should().Be(new SetupCheck(
            "credentials",
            false,
            $"The AWS profile '{profile}' has no credentials: check its name (AWS_PROFILE) and ~/.aws/config, or run aws sso login for an SSO profile."));
    }

    [Theory]
    [InlineData("Cluster is not set: name the ECS cluster the tasks run in.", "AwsCluster")]
    [InlineData("Region 'x' is not an AWS region name: use a name such as eu-west-1.", "AwsRegion")]
    [InlineData("HostedZone and Domain are both needed for playground URLs: ...", "AwsHostedZone")]
    [InlineData("PlaygroundSize 512 CPU / 512 MiB is not a Fargate size: ...", "AwsPlaygroundCpu/Memory")]
    public void ParameterOf_NamesTheParameterAProblemSentenceIsAbout(string problem, string parameter)
    {
        AwsSetupCheck.ParameterOf(problem).Should().Be(parameter);
    }
}
