using System.Text.RegularExpressions;

namespace Slipway.Aws;

/// <summary>The checks behind <see cref="AwsSettings.Validate"/>.</summary>
internal static partial class AwsSettingsValidation
{
    private static readonly int[] RetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static IReadOnlyList<string> Problems(AwsSettings settings)
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(settings.Region is { Length: > 0 }, "Region is not set: set AwsRegion (or AWS_REGION, or a region in the AWS profile).");
        Check(settings.Region is not { Length: > 0 } region || RegionPattern().IsMatch(region), $"Region '{settings.Region}' is not an AWS region name: use a name such as eu-west-1.");
        Check(settings.Cluster.Length > 0, "Cluster is not set: name the ECS cluster the tasks run in.");
        Check(settings.Subnets.Count > 0, "Subnets is empty: list at least one subnet id (subnet-...) for the tasks.");
        problems.AddRange(settings.Subnets.Where(id => !id.StartsWith("subnet-", StringComparison.Ordinal))
            .Select(id => $"Subnets holds '{id}', which is not a subnet id: use ids of the form subnet-0123abcd."));
        Check(settings.SecurityGroups.Count > 0, "SecurityGroups is empty: list at least one security group id (sg-...) for the tasks.");
        problems.AddRange(settings.SecurityGroups.Where(id => !id.StartsWith("sg-", StringComparison.Ordinal))
            .Select(id => $"SecurityGroups holds '{id}', which is not a security group id: use ids of the form sg-0123abcd."));
        Check(settings.ExecutionRoleArn.StartsWith("arn:", StringComparison.Ordinal),
            "ExecutionRoleArn is not a role ARN: give the ARN of the role ECS pulls images and writes logs with (see docs/aws.md).");
        Check(settings.TaskRoleArn is null || settings.TaskRoleArn.StartsWith("arn:", StringComparison.Ordinal),
            "TaskRoleArn is not a role ARN: give a role ARN or leave it out.");
        Check(LogGroupPattern().IsMatch(settings.LogGroup),
            $"LogGroup '{settings.LogGroup}' is not a CloudWatch log group name: use letters, digits and _-./# (e.g. /slipway).");
        Check(settings.LogRetentionDays is null || RetentionDays.Contains(settings.LogRetentionDays.Value),
            $"LogRetentionDays {settings.LogRetentionDays} is not a retention CloudWatch offers: use one of {string.Join(", ", RetentionDays)}.");
        Check(RepositoryPattern().IsMatch(settings.EcrRepository),
            "EcrRepository is not a repository name: use lower-case letters, digits and ._-/ (e.g. slipway/drupal-site).");
        CheckPlayground(settings, Check);
        CheckSize("TestsSize", settings.TestsSize, Check);
        CheckSize("AnalysisSize", settings.AnalysisSize, Check);
        CheckSize("PlaygroundSize", settings.PlaygroundSize, Check);
        Check(settings.TaskTimeout > TimeSpan.Zero, "TaskTimeout is not positive: give the longest a test or analysis task may run, e.g. 00:30:00.");
        Check(settings.PlaygroundStartTimeout > TimeSpan.Zero, "PlaygroundStartTimeout is not positive: give how long a playground may take to start, e.g. 00:10:00.");
        Check(settings.UnreachableBudget >= TimeSpan.Zero, "UnreachableBudget is negative: give how long a wait may go on without reaching AWS, e.g. 00:05:00.");
        Check(settings.LogPageSize is null or (>= 1 and <= 10000), "LogPageSize is outside 1..10000: give a page size CloudWatch accepts or leave it out.");
        return problems;
    }

    private static void CheckPlayground(AwsSettings settings, Action<bool, string> check)
    {
        check(settings.HostedZone is { Length: > 0 } && settings.Domain is { Length: > 0 },
            "HostedZone and Domain are both needed for playground URLs: set the Route53 zone (name or id) and the domain playgrounds are named under.");
        check(settings.Domain is not { Length: > 0 } domain || DomainPattern().IsMatch(domain.TrimEnd('.')),
            $"Domain '{settings.Domain}' is not a DNS name: use a name such as playground.example.com.");
        if (settings.HostedZone is { Length: > 0 } zone && zone.Contains('.') && settings.Domain is { Length: > 0 } name)
        {
            var zoneName = zone.TrimEnd('.').ToLowerInvariant();
            var domainName = name.TrimEnd('.').ToLowerInvariant();
            check(domainName == zoneName || domainName.EndsWith("." + zoneName, StringComparison.Ordinal),
                $"Domain '{settings.Domain}' is not inside HostedZone '{settings.HostedZone}': use a domain under the zone, or the zone that holds it.");
        }

        check(settings.PlaygroundAddress != PlaygroundAddress.Public || settings.AssignPublicIp,
            "PlaygroundAddress is public but AssignPublicIp is false: turn AssignPublicIp on or set PlaygroundAddress to private.");
    }

    private static void CheckSize(string name, TaskSize size, Action<bool, string> check) =>
        check(size.IsFargateSize, $"{name} {size.Cpu} CPU / {size.Memory} MiB is not a Fargate size: pick a pair from the table in docs/aws.md.");

    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[\.\-_/#A-Za-z0-9]{1,512}$")]
    private static partial Regex LogGroupPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase)]
    private static partial Regex DomainPattern();
}
