using System.Text;
using System.Xml.Linq;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ec2;

/// <summary>The EC2 calls Slipway makes (Query protocol): the addresses of a task's network interface, and whether subnets and security groups exist.</summary>
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

    /// <summary>Whether EC2 knows the subnet.</summary>
    public Task<bool> SubnetExistsAsync(string subnetId, CancellationToken cancellationToken) =>
        ExistsAsync(Ec2Operations.DescribeSubnets, $"SubnetId.1={Uri.EscapeDataString(subnetId)}", "InvalidSubnetID.NotFound", cancellationToken);

    /// <summary>Whether EC2 knows the security group.</summary>
    public Task<bool> SecurityGroupExistsAsync(string groupId, CancellationToken cancellationToken) =>
        ExistsAsync(Ec2Operations.DescribeSecurityGroups, $"GroupId.1={Uri.EscapeDataString(groupId)}", "InvalidGroup.NotFound", cancellationToken);

    // One id per call: EC2 refuses a whole call for one unknown id, and each unknown id is to be named.
    private async Task<bool> ExistsAsync(AwsOperation operation, string idParameter, string notFoundCode, CancellationToken cancellationToken)
    {
        var form = $"Action={operation.Name}&Version={ApiVersion}&{idParameter}";
        try
        {
            await sender.SendAsync(
                operation,
                new AwsRequest(HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded; charset=utf-8"),
                cancellationToken);
            return true;
        }
        catch (AwsException exception) when (exception.ErrorCode == notFoundCode || exception.ErrorCode?.EndsWith(".Malformed", StringComparison.Ordinal) == true)
        {
            return false;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
