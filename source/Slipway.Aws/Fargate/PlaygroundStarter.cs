using Slipway.Aws.Ecs;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// Starts a playground: one Fargate task whose address gets the record &lt;host label&gt;.&lt;domain&gt;. Everything
/// that does not depend on the task's address runs alongside the task's start (zone lookup, log group,
/// finding and retiring the playground it replaces), so that the record is written the moment the
/// address is known.
/// </summary>
internal sealed class PlaygroundStarter(
    FargateContext context,
    TaskDefinitionFactory definitions,
    LogGroupProvisioner logGroup,
    HostedZoneLocator hostedZone,
    TaskLauncher launcher)
{
    public async Task<ServiceEndpoint> StartAsync(ServiceSpec spec, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var host = PlaygroundDnsRecord.Host(spec.HostLabel ?? spec.Slug, settings.Domain ?? "");
        var tags = SlipwayTags.For(spec.Owner, TaskKind.Playground, context.Installation, spec.Slug, spec.HostLabel);
        var family = FargateNames.Family(spec.Owner.App, spec.Slug, TaskKind.Playground);

        var zoneTask = hostedZone.GetIdAsync(cancellationToken);
        var logGroupTask = logGroup.EnsureAsync(cancellationToken);
        var previousTask = new OwnedTaskFinder(context).FindPlaygroundsAsync(spec.Owner.App, spec.Slug, cancellationToken);
        var secrets = new FargateSecrets(context);
        var stored = await secrets.StoreAsync(family, spec.Owner, tags, spec.Secrets, cancellationToken);
        EcsTaskDefinition? definition = null;
        EcsTask task;
        IReadOnlyList<EcsTask> previous;
        string zoneId;
        try
        {
            var request = definitions.Create(family, TaskKind.Playground, spec.Image, spec.Owner, command: null, spec.Environment, spec.ContainerPort, tags, spec.Sidecars, stored.References);
            definition = await context.Clients.Ecs.RegisterTaskDefinitionAsync(request, cancellationToken);

            // A wrong zone or a missing log group must fail before anything runs.
            zoneId = await zoneTask;
            await new PlaygroundDnsRecord(context).RefuseAnothersAsync(zoneId, host, cancellationToken);
            await logGroupTask;
            previous = await previousTask;
            task = await launcher.RunAsync(definition.TaskDefinitionArn, tags, cancellationToken);
        }
        catch (Exception exception)
        {
            var steps = definition is null ? [] : new[] { new TaskDefinitionRemover(context).Step(definition.TaskDefinitionArn) };
            CleanupFailedException.Attach(exception, await CleanupStep.RunAllAsync([.. steps, secrets.RemoveStep(stored.Names)]));
            throw;
        }

        string? address = null;
        try
        {
            var retiring = RetireAsync(previous, definition.TaskDefinitionArn, spec, family, secrets, stored.Names, cancellationToken);
            address = await new TaskAddressResolver(context).WaitForAddressAsync(task.TaskArn, FargateNames.Container(TaskKind.Playground), cancellationToken);
            await new PlaygroundDnsRecord(context).PublishAsync(zoneId, host, address, cancellationToken);
            await retiring;

            var publicUrl = new Uri($"https://{host}/");
            return settings.PlaygroundProbeUrl is { } probe
                ? new ServiceEndpoint(publicUrl, probe, host, task.TaskArn)
                : new ServiceEndpoint(publicUrl, publicUrl, null, task.TaskArn);
        }
        catch (Exception exception)
        {
            // The start's error is the one reported: every clean-up step runs, and what stayed travels with it.
            CleanupFailedException.Attach(exception, await CleanupStep.RunAllAsync(
                ($"playground task {task.TaskArn}", token => context.Clients.Ecs.StopTaskAsync(context.Cluster, task.TaskArn, "Slipway: the playground did not start", token)),
                new TaskDefinitionRemover(context).Step(definition.TaskDefinitionArn),
                secrets.RemoveStep(stored.Names),
                // Records no task or definition names any more: Teardown could not find them, so they go now.
                ($"DNS records of {host}", token => address is null ? Task.CompletedTask : new PlaygroundDnsRecord(context).WithdrawAsync(zoneId, host, address, token))));
            throw;
        }
    }

    // The replaced playgrounds and their secrets: like the rest of them, a leftover is Teardown's to find, not the new one's failure.
    private async Task RetireAsync(
        IReadOnlyList<EcsTask> previous, string newDefinitionArn, ServiceSpec spec, string family, FargateSecrets secrets, IReadOnlyList<string> keep, CancellationToken cancellationToken)
    {
        await new PlaygroundRetirer(context).RetireAsync(spec.Owner.App, previous, newDefinitionArn, spec.Image, cancellationToken);
        if (previous.Count == 0 && keep.Count == 0)
        {
            return;
        }

        try
        {
            await secrets.RemoveEarlierRunsAsync(spec.Owner.App, family, keep, cancellationToken);
        }
        catch (AwsException exception)
        {
            context.Warn($"Could not remove the replaced playground's secrets ({exception.Message}); Teardown will remove them.");
        }
    }
}
