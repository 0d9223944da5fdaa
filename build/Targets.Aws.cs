using System.Globalization;
using Slipway.Aws;
using Slipway.Aws.Runtime;
using Slipway.Composition;
using Slipway.Composition.Doctor;

partial class Targets
{
    [Parameter("AWS: the region everything runs in, e.g. eu-west-1. Default: AWS_REGION, AWS_DEFAULT_REGION, then the AWS profile's region.")]
    readonly string? AwsRegion;

    [Parameter("AWS: the ECS cluster the tasks run in. Given one, --platform auto runs on AWS.")]
    readonly string? AwsCluster;

    [Parameter("AWS: the subnet ids (subnet-...) of the tasks' network interfaces, comma-separated or as a list.")]
    readonly string[]? AwsSubnets;

    [Parameter("AWS: the security group ids (sg-...) of the tasks; the playground's must let HTTP in.")]
    readonly string[]? AwsSecurityGroups;

    [Parameter("AWS: give tasks a public IP (a public playground; ECR without a NAT gateway). Default: true.")]
    readonly bool? AwsAssignPublicIp;

    [Parameter("AWS: the ARN of the role ECS pulls images and writes logs with.")]
    readonly string? AwsExecutionRoleArn;

    [Parameter("AWS: the ARN of the role the task's own code runs as. Default: none.")]
    readonly string? AwsTaskRoleArn;

    [Parameter("AWS: the CloudWatch Logs group of the task logs, created when missing. Default: /slipway.")]
    readonly string? AwsLogGroup;

    [Parameter("AWS: days CloudWatch keeps task logs (1, 3, 5, 7, 14, 30, 60, 90, ...). Default: 14.")]
    readonly int? AwsLogRetentionDays;

    [Parameter("AWS: the ECR repository images are pushed to, created when missing, e.g. slipway/drupal-site.")]
    readonly string? AwsEcrRepository;

    [Parameter("AWS: the Route53 hosted zone of the playground records: its name or its id (Z0123...).")]
    readonly string? AwsHostedZone;

    [Parameter("AWS: the domain playgrounds are named under: https://<branch>.<domain>/.")]
    readonly string? AwsDomain;

    [Parameter("AWS: which address of the playground task its record points at. Default: public.")]
    readonly PlaygroundAddress? AwsPlaygroundAddress;

    [Parameter("AWS: CPU units of test tasks (1024 = 1 vCPU). Default: 1024.")]
    readonly int? AwsTestsCpu;

    [Parameter("AWS: memory (MiB) of test tasks. Default: 2048.")]
    readonly int? AwsTestsMemory;

    [Parameter("AWS: CPU units of analysis tasks. Default: 1024.")]
    readonly int? AwsAnalysisCpu;

    [Parameter("AWS: memory (MiB) of analysis tasks. Default: 2048.")]
    readonly int? AwsAnalysisMemory;

    [Parameter("AWS: CPU units of the playground task. Default: 512.")]
    readonly int? AwsPlaygroundCpu;

    [Parameter("AWS: memory (MiB) of the playground task. Default: 1024.")]
    readonly int? AwsPlaygroundMemory;

    [Parameter("AWS: longest a task started without --task-timeout may run (hh:mm:ss). Default: 00:30:00.")]
    readonly string? AwsTaskTimeout;

    [Parameter("AWS: longest a playground task may take to get its address (hh:mm:ss). Default: 00:10:00.")]
    readonly string? AwsPlaygroundStartTimeout;

    [Parameter("AWS: push to this registry host instead of the ECR host (a mirror), still with the ECR login.")]
    readonly string? AwsRegistryHost;

    [Parameter("AWS: probe the playground at this URL instead of its public one (a tunnel), with its name as the Host header.")]
    readonly string? AwsPlaygroundProbeUrl;

    [Parameter("AWS: log events per CloudWatch GetLogEvents page (1..10000). Default: CloudWatch's.")]
    readonly int? AwsLogPageSize;

    [Parameter("AWS: how long waiting on a running task keeps trying when AWS cannot be reached (hh:mm:ss). Default: 00:05:00.")]
    readonly string? AwsUnreachableBudget;

    /// <summary>The platform the tasks run on: the one asked for, or in auto AWS exactly when a cluster is given.</summary>
    PlatformChoice ResolvedPlatform => PlatformSelection.Resolve(Platform, AwsCluster);

    /// <summary>The AWS settings for the composition when the AWS platform runs the tasks; null otherwise.</summary>
    AwsSettings? AwsPlatformSettings => ResolvedPlatform == PlatformChoice.Aws ? ReadAwsSettings() : null;

    /// <exception cref="AwsException">A value has the wrong form (a duration, a URL): the message names the key.</exception>
    AwsSettings ReadAwsSettings() => AwsSettingsProfile.FromParameters(new Dictionary<string, string?>
    {
        [nameof(AwsRegion)] = AwsRegion,
        [nameof(AwsCluster)] = AwsCluster,
        [nameof(AwsSubnets)] = AwsSubnets is null ? null : string.Join(',', AwsSubnets),
        [nameof(AwsSecurityGroups)] = AwsSecurityGroups is null ? null : string.Join(',', AwsSecurityGroups),
        [nameof(AwsAssignPublicIp)] = AwsAssignPublicIp?.ToString(),
        [nameof(AwsExecutionRoleArn)] = AwsExecutionRoleArn,
        [nameof(AwsTaskRoleArn)] = AwsTaskRoleArn,
        [nameof(AwsLogGroup)] = AwsLogGroup,
        [nameof(AwsLogRetentionDays)] = Text(AwsLogRetentionDays),
        [nameof(AwsEcrRepository)] = AwsEcrRepository,
        [nameof(AwsHostedZone)] = AwsHostedZone,
        [nameof(AwsDomain)] = AwsDomain,
        [nameof(AwsPlaygroundAddress)] = AwsPlaygroundAddress?.ToString(),
        [nameof(AwsTestsCpu)] = Text(AwsTestsCpu),
        [nameof(AwsTestsMemory)] = Text(AwsTestsMemory),
        [nameof(AwsAnalysisCpu)] = Text(AwsAnalysisCpu),
        [nameof(AwsAnalysisMemory)] = Text(AwsAnalysisMemory),
        [nameof(AwsPlaygroundCpu)] = Text(AwsPlaygroundCpu),
        [nameof(AwsPlaygroundMemory)] = Text(AwsPlaygroundMemory),
        [nameof(AwsTaskTimeout)] = AwsTaskTimeout,
        [nameof(AwsPlaygroundStartTimeout)] = AwsPlaygroundStartTimeout,
        [nameof(AwsRegistryHost)] = AwsRegistryHost,
        [nameof(AwsPlaygroundProbeUrl)] = AwsPlaygroundProbeUrl,
        [nameof(AwsLogPageSize)] = Text(AwsLogPageSize),
        [nameof(AwsUnreachableBudget)] = AwsUnreachableBudget,
    });

    /// <summary>Doctor's AWS lines, when the AWS platform is chosen: credentials (their source only), region, each settings problem, then each resource that does not exist.</summary>
    async Task<IEnumerable<SetupCheck>> CheckAwsAsync(CancellationToken cancellationToken)
    {
        if (ResolvedPlatform != PlatformChoice.Aws)
        {
            return [];
        }

        try
        {
            return await new AwsSetupCheck(new AwsClientOptions()).RunWithResourcesAsync(ReadAwsSettings(), RegionSource, cancellationToken);
        }
        catch (AwsException exception)
        {
            return [new SetupCheck("aws settings", false, exception.Message)];
        }
    }

    // The engine may have read AwsRegion from AWS_REGION: Doctor names the variable then, not the parameter.
    string RegionSource => ParameterSourceOf(nameof(AwsRegion)) switch
    {
        "command line" => "--aws-region",
        var other when other == "default" || other.EndsWith(".json", StringComparison.Ordinal) => nameof(AwsRegion),
        var variable => variable,
    };

    static string? Text(int? number) => number?.ToString(CultureInfo.InvariantCulture);
}
