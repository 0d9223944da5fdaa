using System.Globalization;
using Slipway.Aws.Route53;

namespace Slipway.Aws.Fargate;

/// <summary>
/// The id of a playground record as an owned resource: zone, name, type, TTL and values, so that removal
/// deletes exactly the record that was listed (Route53 deletes only on an exact match).
/// </summary>
internal static class DnsRecordId
{
    public static string Format(string zoneId, ResourceRecordSet record) =>
        string.Join('/', zoneId, record.Name, record.Type, record.Ttl.ToString(CultureInfo.InvariantCulture), string.Join(',', record.Values));

    public static (string ZoneId, ResourceRecordSet Record)? Parse(string id)
    {
        var parts = id.Split('/');
        if (parts.Length != 5 || !int.TryParse(parts[3], CultureInfo.InvariantCulture, out var ttl))
        {
            return null;
        }

        return (parts[0], new ResourceRecordSet(parts[1], parts[2], ttl, parts[4].Split(',', StringSplitOptions.RemoveEmptyEntries)));
    }
}
