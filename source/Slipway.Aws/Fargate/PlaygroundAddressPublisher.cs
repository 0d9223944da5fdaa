using Slipway.Aws.Route53;

namespace Slipway.Aws.Fargate;

/// <summary>Points the playground's name at its address (an A record, TTL 60) and waits until Route53 has it everywhere.</summary>
internal sealed class PlaygroundAddressPublisher(FargateContext context)
{
    private const int Ttl = 60;
    private static readonly TimeSpan InSyncTimeout = TimeSpan.FromMinutes(5);

    public async Task PublishAsync(string zoneId, string host, string address, CancellationToken cancellationToken)
    {
        var route53 = context.Clients.Route53;
        var change = await route53.ChangeAsync(zoneId, RecordChange.Upsert, new ResourceRecordSet(Route53Client.Absolute(host), "A", Ttl, [address]), cancellationToken);
        var deadline = DateTimeOffset.UtcNow + InSyncTimeout;
        for (var poll = 1; !change.IsInSync; poll++)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new AwsException(
                    $"Route53 did not apply the record for {host} within {InSyncTimeout.TotalMinutes} minutes: check the change {change.Id} in the Route53 console.",
                    Route53Operations.GetChange.Action);
            }

            await Task.Delay(context.Settings.PlaygroundPolling.DelayBefore(poll), cancellationToken);
            change = await route53.GetChangeAsync(change.Id, cancellationToken);
        }
    }
}
