using Slipway.Aws.Fargate;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Aws.Tests.Runtime;

namespace Slipway.Aws.Tests.Settings;

public sealed class AwsSettingsTests
{
    [Fact]
    public void Complete_settings_have_no_problems()
    {
        ScriptedSettings.Valid.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Empty_settings_name_every_setting_that_must_be_given()
    {
        var problems = new AwsSettings().Validate();

        problems.Should().HaveCount(7);
        problems.Should().Contain(problem => problem.StartsWith("Region is not set", StringComparison.Ordinal));
        problems.Should().Contain(problem => problem.StartsWith("Cluster is not set", StringComparison.Ordinal));
        problems.Should().Contain(problem => problem.StartsWith("Subnets is empty", StringComparison.Ordinal));
        problems.Should().Contain(problem => problem.StartsWith("SecurityGroups is empty", StringComparison.Ordinal));
        problems.Should().Contain(problem => problem.StartsWith("ExecutionRoleArn is not a role ARN", StringComparison.Ordinal));
        problems.Should().Contain(problem => problem.StartsWith("EcrRepository is not a repository name", StringComparison.Ordinal));
        problems.Should().Contain(problem => problem.StartsWith("HostedZone and Domain are both needed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Region", "Region 'Ireland' is not an AWS region name")]
    [InlineData("Subnets", "Subnets holds 'vpc-1', which is not a subnet id")]
    [InlineData("SecurityGroups", "SecurityGroups holds 'default', which is not a security group id")]
    [InlineData("LogGroup", "LogGroup 'slipway logs' is not a CloudWatch log group name")]
    [InlineData("LogRetentionDays", "LogRetentionDays 10 is not a retention CloudWatch offers")]
    [InlineData("EcrRepository", "EcrRepository is not a repository name")]
    [InlineData("Domain", "Domain 'playground.other.org' is not inside HostedZone 'example.com'")]
    [InlineData("PlaygroundAddress", "PlaygroundAddress is public but AssignPublicIp is false")]
    [InlineData("TestsSize", "TestsSize 1024 CPU / 1000 MiB is not a Fargate size")]
    [InlineData("TaskTimeout", "TaskTimeout is not positive")]
    [InlineData("UnreachableBudget", "UnreachableBudget is negative")]
    public void A_wrong_setting_is_named_in_its_problem(string setting, string problem)
    {
        var settings = setting switch
        {
            "Region" => ScriptedSettings.Valid with { Region = "Ireland" },
            "Subnets" => ScriptedSettings.Valid with { Subnets = ["subnet-1", "vpc-1"] },
            "SecurityGroups" => ScriptedSettings.Valid with { SecurityGroups = ["default"] },
            "LogGroup" => ScriptedSettings.Valid with { LogGroup = "slipway logs" },
            "LogRetentionDays" => ScriptedSettings.Valid with { LogRetentionDays = 10 },
            "EcrRepository" => ScriptedSettings.Valid with { EcrRepository = "Slipway App" },
            "Domain" => ScriptedSettings.Valid with { HostedZone = "example.com", Domain = "playground.other.org" },
            "PlaygroundAddress" => ScriptedSettings.Valid with { PlaygroundAddress = PlaygroundAddress.Public, AssignPublicIp = false },
            "TestsSize" => ScriptedSettings.Valid with { TestsSize = new TaskSize(1024, 1000) },
            "TaskTimeout" => ScriptedSettings.Valid with { TaskTimeout = TimeSpan.Zero },
            "UnreachableBudget" => ScriptedSettings.Valid with { UnreachableBudget = TimeSpan.FromSeconds(-1) },
            _ => throw new ArgumentOutOfRangeException(nameof(setting)),
        };

        settings.Validate().Should().ContainSingle().Which.Should().StartWith(problem);
    }

    [Fact]
    public void A_platform_with_wrong_settings_reports_every_problem_before_any_AWS_call()
    {
        using var recorder = new RecordingHandler();
        var options = AwsRequestSenderTests.Options(new Uri("http://127.0.0.1:9/")) with { HttpHandler = recorder };

        var create = () => new FargatePlatform(ScriptedSettings.Valid with { Cluster = "", Subnets = [] }, new NoImageStore(), options);

        create.Should().Throw<AwsSettingsException>().Which.Problems.Should().HaveCount(2);
        recorder.Calls.Should().BeEmpty();
    }

    [Fact]
    public void A_region_left_out_is_taken_from_AWS_REGION()
    {
        var environment = new Dictionary<string, string> { ["AWS_REGION"] = "ap-southeast-2" };
        var options = AwsRequestSenderTests.Options(new Uri("http://127.0.0.1:9/")) with { EnvironmentVariable = environment.GetValueOrDefault };

        using var platform = new FargatePlatform(ScriptedSettings.Valid with { Region = null }, new NoImageStore(), options);

        platform.Settings.Region.Should().Be("ap-southeast-2");
        platform.Name.Should().Be("aws");
    }
}
