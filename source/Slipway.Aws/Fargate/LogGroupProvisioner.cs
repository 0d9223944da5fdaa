namespace Slipway.Aws.Fargate;

/// <summary>
/// Makes sure the tasks' log group exists with its retention, once per platform: the awslogs driver
/// does not create it, and a task whose group is missing fails to start. The group is shared by every
/// app and branch, so it carries no owner tags and teardown leaves it.
/// </summary>
internal sealed class LogGroupProvisioner(FargateContext context)
{
    private readonly object gate = new();
    private Task? ensured;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (ensured is null || ensured.IsFaulted || ensured.IsCanceled)
            {
                ensured = CreateAsync(cancellationToken);
            }

            return ensured;
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var logs = context.Clients.Logs;
        await logs.CreateLogGroupAsync(context.Settings.LogGroup, cancellationToken);
        if (context.Settings.LogRetentionDays is { } days)
        {
            await logs.PutRetentionPolicyAsync(context.Settings.LogGroup, days, cancellationToken);
        }
    }
}
