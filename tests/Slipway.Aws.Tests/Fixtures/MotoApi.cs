using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Tests.Fixtures;

/// <summary>
/// Calls the tests make themselves to set the world up or to look at it, through the same signed
/// transport as the clients. They are declared here, not in Slipway.Aws, so they are no part of what
/// Slipway needs in its IAM policy.
/// </summary>
internal sealed class MotoApi(AwsRequestSender sender)
{
    private static readonly AwsOperation CreateCluster = new(AwsService.Ecs, "CreateCluster");
    private static readonly AwsOperation DescribeTaskDefinition = new(AwsService.Ecs, "DescribeTaskDefinition");
    private static readonly AwsOperation CreateLogStream = new(AwsService.Logs, "CreateLogStream");
    private static readonly AwsOperation PutLogEvents = new(AwsService.Logs, "PutLogEvents");
    private static readonly AwsOperation DescribeSubnets = new(AwsService.Ec2, "DescribeSubnets");
    private static readonly AwsOperation DescribeSecurityGroups = new(AwsService.Ec2, "DescribeSecurityGroups");
    private static readonly AwsOperation CreateHostedZone = new(AwsService.Route53, "CreateHostedZone");
    private static readonly AwsOperation PutImage = new(AwsService.Ecr, "PutImage");
    private static readonly AwsOperation GetParameter = new(AwsService.Ssm, "GetParameter");
    private static readonly AwsOperation GetParametersByPath = new(AwsService.Ssm, "GetParametersByPath");
    private static readonly AwsOperation PutParameter = new(AwsService.Ssm, "PutParameter");

    private readonly JsonProtocol json = new(sender);

    public Task CreateClusterAsync(string name) =>
        json.CallAsync<object, JsonObject>(CreateCluster, new { clusterName = name }, CancellationToken.None);

    /// <summary>The task definition as ECS holds it (its <c>taskDefinition</c> object).</summary>
    public async Task<JsonObject> TaskDefinitionAsync(string arn)
    {
        var answer = await json.CallAsync<object, JsonObject>(DescribeTaskDefinition, new { taskDefinition = arn }, CancellationToken.None);
        return answer["taskDefinition"]!.AsObject();
    }

    /// <summary>The task definition's status (ACTIVE, INACTIVE, DELETE_IN_PROGRESS), or null when ECS does not know it.</summary>
    public async Task<string?> TaskDefinitionStatusAsync(string arn)
    {
        try
        {
            var answer = await json.CallAsync<object, JsonObject>(DescribeTaskDefinition, new { taskDefinition = arn }, CancellationToken.None);
            return answer["taskDefinition"]?["status"]?.GetValue<string>();
        }
        catch (AwsException)
        {
            return null;
        }
    }

    /// <summary>Writes the lines a task would print, as the awslogs driver would: one event per line.</summary>
    public async Task WriteLogAsync(string group, string stream, IReadOnlyList<string> lines)
    {
        await json.CallAsync<object, JsonObject>(CreateLogStream, new { logGroupName = group, logStreamName = stream }, CancellationToken.None);
        await AppendLogAsync(group, stream, lines);
    }

    /// <summary>Writes more lines to a stream <see cref="WriteLogAsync"/> made, as a task still running prints them.</summary>
    public async Task AppendLogAsync(string group, string stream, IReadOnlyList<string> lines)
    {
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = lines.Select((line, index) => new { timestamp = start + index, message = line }).ToList();
        await json.CallAsync<object, JsonObject>(PutLogEvents, new { logGroupName = group, logStreamName = stream, logEvents = events }, CancellationToken.None);
    }

    /// <summary>Puts an image manifest under a tag, as a registry push would (moto has no registry behind ECR).</summary>
    public Task PutImageAsync(string repository, string tag)
    {
        var manifest = $$"""{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":2,"digest":"sha256:{{Guid.NewGuid():N}}{{Guid.NewGuid():N}}"},"layers":[]}""";
        return json.CallAsync<object, JsonObject>(PutImage, new { repositoryName = repository, imageManifest = manifest, imageTag = tag }, CancellationToken.None);
    }

    // SSM names its members in PascalCase: dictionary keys keep theirs, where an anonymous object's would be camelCased.

    /// <summary>A stored parameter's decrypted value and ARN, as the task's execution role would fetch it; null when there is none.</summary>
    public async Task<(string Value, string Arn)?> ParameterAsync(string name)
    {
        try
        {
            var answer = await json.CallAsync<object, JsonObject>(GetParameter, new Dictionary<string, object> { ["Name"] = name, ["WithDecryption"] = true }, CancellationToken.None);
            var parameter = answer["Parameter"]!;
            return (parameter["Value"]!.GetValue<string>(), parameter["ARN"]!.GetValue<string>());
        }
        catch (AwsException exception) when (exception.ErrorCode == "ParameterNotFound")
        {
            return null;
        }
    }

    /// <summary>Stores a SecureString without tags, as a hand other than Slipway's (or an earlier attempt) would.</summary>
    public Task PutParameterAsync(string name, string value) =>
        json.CallAsync<object, JsonObject>(PutParameter, new Dictionary<string, object> { ["Name"] = name, ["Value"] = value, ["Type"] = "SecureString" }, CancellationToken.None);

    /// <summary>The names of every parameter under the path, at any depth.</summary>
    public async Task<IReadOnlyList<string>> ParameterNamesUnderAsync(string path)
    {
        var answer = await json.CallAsync<object, JsonObject>(GetParametersByPath, new Dictionary<string, object> { ["Path"] = path, ["Recursive"] = true }, CancellationToken.None);
        return answer["Parameters"]!.AsArray().Select(parameter => parameter!["Name"]!.GetValue<string>()).ToList();
    }

    public async Task<IReadOnlyList<string>> DefaultSubnetsAsync()
    {
        var document = await QueryAsync(DescribeSubnets, "Filter.1.Name=default-for-az&Filter.1.Value.1=true");
        return document.Descendants().Where(element => element.Name.LocalName == "subnetId").Select(element => element.Value).ToList();
    }

    public async Task<string> DefaultSecurityGroupAsync()
    {
        var document = await QueryAsync(DescribeSecurityGroups, "Filter.1.Name=group-name&Filter.1.Value.1=default");
        return document.Descendants().First(element => element.Name.LocalName == "groupId").Value;
    }

    /// <summary>Creates a public hosted zone and returns its id (without /hostedzone/).</summary>
    public async Task<string> CreateHostedZoneAsync(string name)
    {
        XNamespace ns = "https://route53.amazonaws.com/doc/2013-04-01/";
        var body = new XElement(ns + "CreateHostedZoneRequest", new XElement(ns + "Name", name), new XElement(ns + "CallerReference", Guid.NewGuid().ToString("N")));
        var answer = await sender.SendAsync(
            CreateHostedZone,
            new AwsRequest(HttpMethod.Post, "/2013-04-01/hostedzone", Encoding.UTF8.GetBytes(body.ToString()), "application/xml"),
            CancellationToken.None);
        var id = XDocument.Parse(answer).Descendants().First(element => element.Name.LocalName == "Id").Value;
        return id.Replace("/hostedzone/", "", StringComparison.Ordinal);
    }

    private async Task<XDocument> QueryAsync(AwsOperation operation, string parameters)
    {
        var form = $"Action={operation.Name}&Version=2016-11-15&{parameters}";
        var answer = await sender.SendAsync(
            operation,
            new AwsRequest(HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form), "application/x-www-form-urlencoded; charset=utf-8"),
            CancellationToken.None);
        return XDocument.Parse(answer);
    }
}
