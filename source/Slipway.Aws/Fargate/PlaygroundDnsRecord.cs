using System.Globalization;
using Slipway.Aws.Route53;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// Everything about a playground's Route53 record: its name (<c>&lt;host label&gt;.&lt;domain&gt;</c>, the slug unless the app asks for unguessable hosts), pointing it at the task's
/// address, finding it as an owned resource, and deleting exactly the record that was found. The zone comes from
/// <see cref="HostedZoneLocator"/>. Route53 records carry no tags, so beside the A record a TXT record of the same name
/// says which installation the playground belongs to (<c>"slipway:installation=&lt;id&gt;"</c>): teardown deletes only the
/// records whose TXT names its own installation, and a playground never takes over a name another installation holds.
/// </summary>
internal sealed class PlaygroundDnsRecord(FargateContext context)
{
    private const int Ttl = 60;
    private const string OwnerPrefix = "\"slipway:installation=";
    private static readonly TimeSpan InSyncTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The playground's host name, <c>&lt;host label&gt;.&lt;domain&gt;</c>, without the final dot.</summary>
    public static string Host(string hostLabel, string domain) => $"{hostLabel}.{domain.TrimEnd('.')}";

    /// <summary>
    /// Refuses, before anything runs, a host whose ownership record names another installation sharing the zone: its
    /// playground would otherwise lose its address to this one.
    /// </summary>
    public async Task RefuseAnothersAsync(string zoneId, string host, CancellationToken cancellationToken)
    {
        if (context.Installation is null)
        {
            return;
        }

        var owner = await context.Clients.Route53.FindRecordAsync(zoneId, host, "TXT", cancellationToken);
        if (owner?.Values.FirstOrDefault(value => value.StartsWith(OwnerPrefix, StringComparison.Ordinal)) is { } value && value != OwnerValue(context.Installation))
        {
            throw new AwsException(
                $"The playground host {host} belongs to another Slipway installation ({value[OwnerPrefix.Length..].TrimEnd('"')}) that shares the hosted zone: tear it down there, or give this installation a Domain of its own.",
                Route53Operations.ListResourceRecordSets.Action);
        }
    }

    /// <summary>
    /// Points the playground's name at its address (an A record, TTL 60), beside the record naming its installation, and
    /// waits until Route53 has it everywhere.
    /// </summary>
    public async Task PublishAsync(string zoneId, string host, string address, CancellationToken cancellationToken)
    {
        var route53 = context.Clients.Route53;
        if (context.Installation is { } installation)
        {
            await route53.ChangeAsync(zoneId, RecordChange.Upsert, new ResourceRecordSet(Route53Client.Absolute(host), "TXT", Ttl, [OwnerValue(installation)]), cancellationToken);
        }

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

    /// <summary>Deletes exactly what <see cref="PublishAsync"/> wrote for a playground that then failed to start; what is gone is fine.</summary>
    public async Task WithdrawAsync(string zoneId, string host, string address, CancellationToken cancellationToken)
    {
        await DeleteAsync(FormatId(zoneId, new ResourceRecordSet(Route53Client.Absolute(host), "A", Ttl, [address])), cancellationToken);
        if (context.Installation is { } installation)
        {
            await DeleteAsync(FormatId(zoneId, new ResourceRecordSet(Route53Client.Absolute(host), "TXT", Ttl, [OwnerValue(installation)])), cancellationToken);
        }
    }

    /// <summary>
    /// The A record of <paramref name="host"/> and its ownership record as owned resources carrying <paramref name="labels"/>;
    /// none when the ownership record names another installation, or none (a record of a Slipway before installations).
    /// </summary>
    public async Task<IReadOnlyList<OwnedResource>> FindAsync(string zoneId, string host, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var route53 = context.Clients.Route53;
        var records = new List<ResourceRecordSet>();
        if (context.Installation is { } installation)
        {
            var owner = await route53.FindRecordAsync(zoneId, host, "TXT", cancellationToken);
            if (owner is null || !owner.Values.Contains(OwnerValue(installation)))
            {
                return [];
            }

            records.Add(owner);
        }

        if (await route53.FindRecordAsync(zoneId, host, "A", cancellationToken) is { } address)
        {
            records.Insert(0, address);
        }

        return records.Select(record => new OwnedResource(FargateResourceTypes.DnsRecord, FormatId(zoneId, record), labels)).ToList();
    }

    /// <summary>Deletes the record an id of <see cref="FindAsync"/> names; one that is gone or points elsewhere now is left.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (ParseId(id) is not var (zoneId, record))
        {
            throw new ArgumentException($"'{id}' is not a DNS record id made by the AWS platform.", nameof(id));
        }

        try
        {
            await context.Clients.Route53.ChangeAsync(zoneId, RecordChange.Delete, record, cancellationToken);
        }
        catch (AwsException exception) when (exception.ErrorCode == "InvalidChangeBatch")
        {
            // The record is gone, or points elsewhere now (a newer playground took the name): not ours to delete.
        }
    }

    private static string OwnerValue(string installation) => $"{OwnerPrefix}{installation}\"";

    // Zone, name, type, TTL and values: Route53 deletes only on an exact match, so the id holds all of them.
    private static string FormatId(string zoneId, ResourceRecordSet record) =>
        string.Join('/', zoneId, record.Name, record.Type, record.Ttl.ToString(CultureInfo.InvariantCulture), string.Join(',', record.Values));

    private static (string ZoneId, ResourceRecordSet Record)? ParseId(string id)
    {
        var parts = id.Split('/');
        if (parts.Length != 5 || !int.TryParse(parts[3], CultureInfo.InvariantCulture, out var ttl))
        {
            return null;
        }

        return (parts[0], new ResourceRecordSet(parts[1], parts[2], ttl, parts[4].Split(',', StringSplitOptions.RemoveEmptyEntries)));
    }
}
