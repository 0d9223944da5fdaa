using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Route53;

/// <summary>The Route53 calls Slipway makes: find the zone, change one record, wait for the change.</summary>
internal sealed class Route53Client(AwsRequestSender sender)
{
    private const string ApiVersion = "2013-04-01";
    private static readonly XNamespace Ns = $"https://route53.amazonaws.com/doc/{ApiVersion}/";

    /// <summary>The zone named <paramref name="name"/> exactly, or null.</summary>
    public async Task<HostedZone?> FindHostedZoneAsync(string name, CancellationToken cancellationToken)
    {
        var dnsName = Absolute(name);
        var document = await GetAsync(
            Route53Operations.ListHostedZonesByName,
            $"/{ApiVersion}/hostedzonesbyname?dnsname={Uri.EscapeDataString(dnsName)}&maxitems=1",
            cancellationToken);
        return document.All("HostedZone")
            .Select(zone => new HostedZone(ZoneId(zone.ChildValue("Id")), zone.ChildValue("Name")))
            .FirstOrDefault(zone => string.Equals(zone.Name, dnsName, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<ChangeInfo> ChangeAsync(string zoneId, RecordChange action, ResourceRecordSet record, CancellationToken cancellationToken)
    {
        var recordSet = new XElement(
            Ns + "ResourceRecordSet",
            new XElement(Ns + "Name", Absolute(record.Name)),
            new XElement(Ns + "Type", record.Type),
            new XElement(Ns + "TTL", record.Ttl.ToString(CultureInfo.InvariantCulture)),
            new XElement(Ns + "ResourceRecords", record.Values.Select(value => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", value)))));
        var change = new XElement(
            Ns + "Change",
            new XElement(Ns + "Action", action == RecordChange.Upsert ? "UPSERT" : "DELETE"),
            recordSet);
        var body = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                Ns + "ChangeResourceRecordSetsRequest",
                new XElement(Ns + "ChangeBatch", new XElement(Ns + "Comment", "Slipway playground"), new XElement(Ns + "Changes", change))));
        var bytes = Encoding.UTF8.GetBytes(body.Declaration + body.ToString(SaveOptions.DisableFormatting));
        var answer = await sender.SendAsync(
            Route53Operations.ChangeResourceRecordSets,
            new AwsRequest(HttpMethod.Post, $"/{ApiVersion}/hostedzone/{zoneId}/rrset/", bytes, "application/xml"),
            cancellationToken);
        return ReadChange(XDocument.Parse(answer));
    }

    public async Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken) =>
        ReadChange(await GetAsync(Route53Operations.GetChange, $"/{ApiVersion}/change/{changeId}", cancellationToken));

    /// <summary>The record set with exactly this name and type, or null.</summary>
    public async Task<ResourceRecordSet?> FindRecordAsync(string zoneId, string name, string type, CancellationToken cancellationToken)
    {
        var dnsName = Absolute(name);
        var document = await GetAsync(
            Route53Operations.ListResourceRecordSets,
            $"/{ApiVersion}/hostedzone/{zoneId}/rrset?name={Uri.EscapeDataString(dnsName)}&type={type}&maxitems=1",
            cancellationToken);
        return document.All("ResourceRecordSet")
            .Select(set => new ResourceRecordSet(
                set.ChildValue("Name"),
                set.ChildValue("Type"),
                int.TryParse(set.ChildValue("TTL"), CultureInfo.InvariantCulture, out var ttl) ? ttl : 0,
                set.All("Value").Select(value => value.Value).ToList()))
            .FirstOrDefault(set => string.Equals(set.Name, dnsName, StringComparison.OrdinalIgnoreCase) && set.Type == type);
    }

    /// <summary>A DNS name with its final dot, as Route53 writes names.</summary>
    public static string Absolute(string name) => name.EndsWith('.') ? name : name + ".";

    private async Task<XDocument> GetAsync(AwsOperation operation, string pathAndQuery, CancellationToken cancellationToken) =>
        XDocument.Parse(await sender.SendAsync(operation, new AwsRequest(HttpMethod.Get, pathAndQuery, []), cancellationToken));

    private static ChangeInfo ReadChange(XDocument document)
    {
        var info = document.All("ChangeInfo").First();
        return new ChangeInfo(info.ChildValue("Id").Replace("/change/", "", StringComparison.Ordinal), info.ChildValue("Status"));
    }

    private static string ZoneId(string id) => id.Replace("/hostedzone/", "", StringComparison.Ordinal);
}
