using System.Text;
using System.Xml.Linq;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ec2;

/// <summary>The EC2 call Slipway makes (Query protocol): the addresses of a task's network interface.</summary>
internal sealed class Ec2Client(AwsRequestSender sender)
{
    private const string ApiVersion = "2016-11-15";

    /// <summary>The interface, or null when EC2 does not know it (yet, or any more).</summary>
    public async Task<NetworkInterface?> DescribeNetworkInterfaceAsync(string networkInterfaceId, CancellationToken cancellationToken)
    {
        var form = $"Action=DescribeNetworkInterfaces&Version={ApiVersion}&NetworkInterfaceId.1={Uri.EscapeDataString(networkInterfaceId)}";
        string answer;
        try
        {
            answer = await sender.SendAsync(
                Ec2Operations.DescribeNetworkInterfaces,
                new AwsRequest(HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded; charset=utf-8"),
                cancellationToken);
        }
        catch (AwsException exception) when (exception.ErrorCode == "InvalidNetworkInterfaceID.NotFound")
        {
            return null;
        }

        return XDocument.Parse(answer)
            .All("networkInterfaceSet")
            .SelectMany(set => set.Elements().Where(element => element.Name.LocalName == "item"))
            .Select(item => new NetworkInterface(
                item.ChildValue("networkInterfaceId"),
                NullIfEmpty(item.ChildValue("privateIpAddress")),
                NullIfEmpty(item.Child("association")?.ChildValue("publicIp") ?? "")))
            .FirstOrDefault(found => found.Id == networkInterfaceId);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
