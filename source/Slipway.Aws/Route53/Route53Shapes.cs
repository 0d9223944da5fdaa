namespace Slipway.Aws.Route53;

// The Route53 shapes Slipway reads and writes (REST-XML, namespace https://route53.amazonaws.com/doc/2013-04-01/).

/// <summary>A hosted zone; <see cref="Id"/> without its /hostedzone/ prefix, <see cref="Name"/> with its final dot.</summary>
internal sealed record HostedZone(string Id, string Name);

/// <summary>A submitted change; <see cref="Status"/> is PENDING until every Route53 server has it, then INSYNC.</summary>
internal sealed record ChangeInfo(string Id, string Status)
{
    public bool IsInSync => Status == "INSYNC";
}

/// <summary>A simple record set (no alias, no routing policy); <see cref="Name"/> with its final dot.</summary>
internal sealed record ResourceRecordSet(string Name, string Type, int Ttl, IReadOnlyList<string> Values);

internal enum RecordChange
{
    Upsert,
    Delete,
}
