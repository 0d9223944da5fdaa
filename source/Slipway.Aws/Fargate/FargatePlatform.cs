using Slipway.Aws.Runtime;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// The pipeline's platform on AWS: tasks and the playground run on ECS Fargate, images go to ECR, logs
/// come from CloudWatch Logs and the playground is named in Route53.
/// </summary>
public sealed class FargatePlatform : IPlatform, IDisposable
{
    private readonly FargateContext context;
    private readonly AwsClients clients;
    private readonly TaskDefinitionFactory definitions;
    private readonly LogGroupProvisioner logGroup;
    private readonly HostedZoneLocator hostedZone;
    private readonly TaskLauncher launcher;
    private readonly EcrImagePublisher publisher;

    /// <summary>Checks the settings (every problem at once) before any AWS call is made.</summary>
    /// <param name="imageStore">The engine's image store, which pushes images to ECR.</param>
    /// <param name="clientOptions">Credentials, profile and endpoint overrides; null follows the AWS SDK defaults.</param>
    /// <param name="warn">Where warnings go (a replaced playground that could not be fully removed); stderr when null.</param>
    /// <param name="installation">
    /// This installation's id: every task, task definition, image tag and DNS record carries it, and teardown and the
    /// sweeps touch only what does. Null only where nothing is created or removed (Doctor's checks).
    /// </param>
    /// <exception cref="AwsSettingsException">The settings have problems.</exception>
    public FargatePlatform(AwsSettings settings, IImageStore imageStore, AwsClientOptions? clientOptions = null, Action<string>? warn = null, string? installation = null)
    {
        var options = clientOptions ?? new AwsClientOptions();
        var resolved = settings with { Region = AwsRegionLookup.Find(settings, options).Region };
        var problems = resolved.Validate();
        if (problems.Count > 0)
        {
            throw new AwsSettingsException(problems);
        }

        Settings = resolved;
        clients = new AwsClients(options, resolved.Region!);
        context = new FargateContext(clients, resolved, warn ?? (message => Console.Error.WriteLine($"warning: {message}")), installation);
        definitions = new TaskDefinitionFactory(resolved, clients.Region);
        logGroup = new LogGroupProvisioner(context);
        hostedZone = new HostedZoneLocator(context);
        launcher = new TaskLauncher(context);
        publisher = new EcrImagePublisher(context, imageStore);
    }

    /// <summary>The settings in use, with the region filled in when it came from the environment or profile.</summary>
    public AwsSettings Settings { get; }

    /// <inheritdoc />
    public string Name => "aws";

    /// <inheritdoc />
    public Task<string> PublishImageAsync(string localImage, Ownership owner, CancellationToken cancellationToken) =>
        publisher.PublishAsync(localImage, owner, cancellationToken);

    /// <inheritdoc />
    public async Task<ITaskRun> StartTaskAsync(TaskSpec spec, CancellationToken cancellationToken)
    {
        if (spec.Mounts is { Count: > 0 })
        {
            throw new AwsException($"Task {spec.Name} mounts host folders, which Fargate tasks cannot: bake the files into the image instead.");
        }

        FargateSecrets.CheckSizes(spec.Secrets);

        var tags = SlipwayTags.For(spec.Owner, spec.Kind, context.Installation);
        var family = FargateNames.Family(spec.Owner.App, spec.Name, spec.Kind);
        var logGroupTask = logGroup.EnsureAsync(cancellationToken);
        var secrets = new FargateSecrets(context);
        var stored = await secrets.StoreAsync(family, spec.Owner, tags, spec.Secrets, cancellationToken);
        string? definitionArn = null;
        try
        {
            var request = definitions.Create(family, spec.Kind, spec.Image, spec.Owner, spec.Command, spec.Environment, containerPort: null, tags, spec.Sidecars, stored.References);
            definitionArn = (await clients.Ecs.RegisterTaskDefinitionAsync(request, cancellationToken)).TaskDefinitionArn;
            await logGroupTask;
            var task = await launcher.RunAsync(definitionArn, tags, cancellationToken);
            return new FargateTaskRun(context, task, definitionArn, stored.Names, spec, spec.Timeout ?? Settings.TaskTimeout);
        }
        catch (Exception exception)
        {
            // The start's error is the one reported; what its clean-up could not remove travels with it.
            var steps = definitionArn is null ? [] : new[] { new TaskDefinitionRemover(context).Step(definitionArn) };
            CleanupFailedException.Attach(exception, await CleanupStep.RunAllAsync([.. steps, secrets.RemoveStep(stored.Names)]));
            throw;
        }
    }

    /// <inheritdoc />
    public Task<ServiceEndpoint> StartServiceAsync(ServiceSpec spec, CancellationToken cancellationToken)
    {
        FargateSecrets.CheckSizes(spec.Secrets);
        return new PlaygroundStarter(context, definitions, logGroup, hostedZone, launcher).StartAsync(spec, cancellationToken);
    }

    /// <summary>
    /// Whether the playground's task still runs: a task that stopped (a crash, a retirement, <c>StopTask</c>) or that ECS
    /// no longer knows is reported down and not started again — a stopped Fargate task cannot be started, and a new one
    /// has a new address, a new record and its own cost: running the branch's pipeline again is how it comes back.
    /// </summary>
    public async Task<ServiceCondition> RestartIfStoppedAsync(string resourceId, CancellationToken cancellationToken)
    {
        var task = (await clients.Ecs.DescribeTasksAsync(Settings.Cluster, [resourceId], includeTags: false, cancellationToken)).FirstOrDefault();
        return task is { LastStatus: not Ecs.EcsTask.Stopped, DesiredStatus: not Ecs.EcsTask.Stopped } ? ServiceCondition.Running : ServiceCondition.Down;
    }

    /// <summary>The playground's last log lines from CloudWatch (the task's tags name its log stream).</summary>
    public async Task<IReadOnlyList<LogLine>> ReadServiceLogTailAsync(ServiceEndpoint endpoint, int lines, CancellationToken cancellationToken)
    {
        var task = (await clients.Ecs.DescribeTasksAsync(Settings.Cluster, [endpoint.ResourceId], includeTags: true, cancellationToken)).FirstOrDefault();
        if (lines <= 0 || task?.TagMap.GetValueOrDefault(Ownership.AppLabel) is not { } app)
        {
            return [];
        }

        var stream = FargateNames.LogStream(app, TaskKind.Playground, task.Id);
        var events = await clients.Logs.ReadTailAsync(Settings.LogGroup, stream, Math.Min(lines, 10000), cancellationToken);
        return events.Select(logEvent => new LogLine(LogStream.Unknown, logEvent.Message.TrimEnd('\r', '\n'))).ToList();
    }

    /// <summary>
    /// Asks AWS, in parallel, whether the cluster, subnets, security groups and hosted zone the settings
    /// name exist (and the repository is reachable): one sentence per problem, empty when all is well.
    /// </summary>
    public Task<IReadOnlyList<string>> CheckReadyAsync(CancellationToken cancellationToken) =>
        new ResourceCheck(context, hostedZone).ProblemsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OwnedResource>> ListOwnedAsync(string app, string? branch, CancellationToken cancellationToken) =>
        new OwnedResourceFinder(context, hostedZone).FindAsync(app, branch, cancellationToken);

    /// <inheritdoc />
    public Task RemoveAsync(IReadOnlyList<OwnedResource> resources, CancellationToken cancellationToken) =>
        new OwnedResourceRemover(context).RemoveAsync(resources, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => clients.Dispose();
}
