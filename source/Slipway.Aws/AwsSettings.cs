namespace Slipway.Aws;

/// <summary>
/// Where and how Slipway runs on AWS. Each property is one key of the AWS profile
/// (<c>.nuke/parameters.aws.json</c>, key = "Aws" + property name); docs/aws.md describes them.
/// </summary>
public sealed record AwsSettings
{
    /// <summary>The AWS region, e.g. eu-west-1; null falls back to AWS_REGION and the profile's region.</summary>
    public string? Region { get; init; }

    /// <summary>The ECS cluster the tasks run in.</summary>
    public string Cluster { get; init; } = "";

    /// <summary>The subnets tasks get their network interface in (awsvpc).</summary>
    public IReadOnlyList<string> Subnets { get; init; } = [];

    /// <summary>The security groups of the tasks' network interfaces; the playground's must allow HTTP in.</summary>
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    /// <summary>Whether tasks get a public IP (needed to pull from ECR without a NAT, and for a public playground).</summary>
    public bool AssignPublicIp { get; init; } = true;

    /// <summary>The role ECS pulls the image and writes the log with.</summary>
    public string ExecutionRoleArn { get; init; } = "";

    /// <summary>The role the task's own code runs as; none when null.</summary>
    public string? TaskRoleArn { get; init; }

    /// <summary>The CloudWatch Logs group the tasks write to; created when missing.</summary>
    public string LogGroup { get; init; } = "/slipway";

    /// <summary>How long CloudWatch keeps task logs; null keeps them forever.</summary>
    public int? LogRetentionDays { get; init; } = 14;

    /// <summary>The ECR repository images are pushed to; created when missing.</summary>
    public string EcrRepository { get; init; } = "";

    /// <summary>The Route53 hosted zone of the playground records: its name (example.com) or id (Z0123...).</summary>
    public string? HostedZone { get; init; }

    /// <summary>The domain playgrounds are named under: https://&lt;slug&gt;.&lt;Domain&gt;/.</summary>
    public string? Domain { get; init; }

    /// <summary>Which address of the playground task the record points at.</summary>
    public PlaygroundAddress PlaygroundAddress { get; init; } = PlaygroundAddress.Public;

    /// <summary>The size of test tasks (and build tasks).</summary>
    public TaskSize TestsSize { get; init; } = new(1024, 2048);

    /// <summary>The size of analysis tasks.</summary>
    public TaskSize AnalysisSize { get; init; } = new(1024, 2048);

    /// <summary>The size of the playground task.</summary>
    public TaskSize PlaygroundSize { get; init; } = new(512, 1024);

    /// <summary>How long a test or analysis task may run before it is stopped and counted as failed.</summary>
    public TimeSpan TaskTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a playground task may take to get its address.</summary>
    public TimeSpan PlaygroundStartTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A registry host to push to instead of the ECR host (a pull-through or mirror host; a local registry
    /// in tests). The ECR login is still used.
    /// </summary>
    public string? RegistryHost { get; init; }

    /// <summary>
    /// Where Slipway probes the playground instead of its public URL (a tunnel or load balancer address; a
    /// loopback server in tests); the probe then sends the playground's host name as the Host header.
    /// </summary>
    public Uri? PlaygroundProbeUrl { get; init; }

    /// <summary>Log events per GetLogEvents page; null lets CloudWatch decide (up to 10,000).</summary>
    public int? LogPageSize { get; init; }

    /// <summary>How often a running test or analysis task is checked.</summary>
    public PollingSchedule TaskPolling { get; init; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));

    /// <summary>How often a starting playground and its DNS change are checked; short, because people wait on it.</summary>
    public PollingSchedule PlaygroundPolling { get; init; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

    /// <summary>
    /// How long waiting on a running task keeps asking AWS when it cannot be reached (each call already
    /// retried) before the wait fails the stage.
    /// </summary>
    public TimeSpan UnreachableBudget { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Every problem with these settings, each one sentence naming the setting to fix; empty when none.</summary>
    public IReadOnlyList<string> Validate() => AwsSettingsValidation.Problems(this);
}
