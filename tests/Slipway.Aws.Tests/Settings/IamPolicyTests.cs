using System.Text.Json;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Tests.Settings;

public sealed class IamPolicyTests
{
    [Fact]
    public void The_policy_allows_exactly_the_actions_the_clients_call_and_what_their_results_are_used_for()
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(AwsProfileTests.RepositoryFile("docs/iam-policy.json")));
        var allowed = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .Where(statement => statement.GetProperty("Effect").GetString() == "Allow")
            .SelectMany(statement => statement.GetProperty("Action") is { ValueKind: JsonValueKind.Array } actions
                ? actions.EnumerateArray().Select(action => action.GetString()!)
                : [statement.GetProperty("Action").GetString()!])
            .ToHashSet();

        allowed.Should().BeEquivalentTo(AwsOperationRegistry.RequiredActions.Concat(Slipway.Data.Dumps.S3DumpStore.RequiredActions)
            .Concat(Slipway.Data.Screenshots.S3ScreenshotStore.RequiredActions).Distinct());
    }

    [Fact]
    public void The_registry_holds_every_operation_of_the_six_services()
    {
        AwsOperationRegistry.All.Select(operation => operation.Action).Should().Contain(
            ["ecs:RunTask", "ecs:DescribeTasks", "ecr:GetAuthorizationToken", "logs:GetLogEvents", "route53:ChangeResourceRecordSets", "ec2:DescribeNetworkInterfaces", "ssm:PutParameter"]);
        AwsOperationRegistry.All.Select(operation => operation.Service.SigningName).Distinct().Should().BeEquivalentTo("ecs", "ecr", "logs", "route53", "ec2", "ssm");
    }
}
