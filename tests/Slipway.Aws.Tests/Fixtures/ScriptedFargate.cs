namespace Slipway.Aws.Tests.Fixtures;

/// <summary>
/// Answers ECS, CloudWatch Logs, EC2 and Route53 calls the way AWS does, for a Fargate task whose
/// DescribeTasks answers the test scripts, one per call (the last one repeats).
/// </summary>
internal sealed class ScriptedFargate(params string[] describedTasks)
{
    public const string TaskArn = "arn:aws:ecs:eu-west-1:123456789012:task/c/0f1e2d3c";
    public const string DefinitionArn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/slipway-app-x:1";

    private readonly Queue<string> described = new(describedTasks);
    private readonly Queue<string> changeStatuses = new(["PENDING", "PENDING", "INSYNC"]);

    public string? NetworkInterfacePublicIp { get; init; }

    /// <summary>When set, Route53's GetChange answers that it knows no such change (the record was written, its wait fails).</summary>
    public bool ChangeIsLost { get; init; }

    public FakeAnswer Answer(FakeRequest request) => request.Operation switch
    {
        "CreateLogGroup" or "PutRetentionPolicy" => FakeAnswer.Json("{}"),
        "RegisterTaskDefinition" or "DeregisterTaskDefinition" => FakeAnswer.Json($$$"""{"taskDefinition":{"taskDefinitionArn":"{{{DefinitionArn}}}","family":"slipway-app-x","revision":1}}"""),
        "DeleteTaskDefinitions" => FakeAnswer.Json("""{"taskDefinitions":[],"failures":[]}"""),
        "ListTasks" => FakeAnswer.Json("""{"taskArns":[]}"""),
        "RunTask" => FakeAnswer.Json($$"""{"tasks":[{"taskArn":"{{TaskArn}}","lastStatus":"PROVISIONING","desiredStatus":"RUNNING"}],"failures":[]}"""),
        "StopTask" => FakeAnswer.Json($$$"""{"task":{"taskArn":"{{{TaskArn}}}","lastStatus":"RUNNING","desiredStatus":"STOPPED"}}"""),
        "DescribeTasks" => Describe(described.Count > 1 ? described.Dequeue() : described.Peek()),
        "DescribeNetworkInterfaces" => new FakeAnswer(200, NetworkInterfaceXml(), "text/xml"),
        _ when request.Method == "POST" && request.Path.EndsWith("/rrset/", StringComparison.Ordinal) => new FakeAnswer(200, ChangeXml("PENDING"), "text/xml"),
        _ when request.Method == "GET" && request.Path.Contains("/change/", StringComparison.Ordinal) && ChangeIsLost =>
            new FakeAnswer(404, Route53Error("NoSuchChange", "A change with the specified change ID does not exist."), "text/xml"),
        _ when request.Method == "GET" && request.Path.Contains("/change/", StringComparison.Ordinal) =>
            new FakeAnswer(200, ChangeXml(changeStatuses.Count > 1 ? changeStatuses.Dequeue() : changeStatuses.Peek()), "text/xml"),
        _ => FakeAnswer.JsonError(400, "UnknownOperationException", $"The test does not script {request.Operation}."),
    };

    /// <summary>What DescribeTasks answers for a task it does not know (yet): no task, a MISSING failure.</summary>
    public const string Missing = "MISSING";

    private static FakeAnswer Describe(string task) => task == Missing
        ? FakeAnswer.Json($$"""{"tasks":[],"failures":[{"arn":"{{TaskArn}}","reason":"MISSING"}]}""")
        : FakeAnswer.Json($$"""{"tasks":[{{task}}],"failures":[]}""");

    /// <summary>A task as DescribeTasks shows it.</summary>
    public static string Task(string lastStatus, string? stopCode = null, string? stoppedReason = null, string container = """{"name":"tests","lastStatus":"RUNNING"}""", bool withInterface = false)
    {
        var attachments = withInterface
            ? """[{"type":"ElasticNetworkInterface","status":"ATTACHED","details":[{"name":"networkInterfaceId","value":"eni-0abc"},{"name":"privateIPv4Address","value":"10.0.1.7"}]}]"""
            : "[]";
        return $$"""
            {"taskArn":"{{TaskArn}}","taskDefinitionArn":"{{DefinitionArn}}","lastStatus":"{{lastStatus}}","desiredStatus":"RUNNING",
             "stopCode":{{Quoted(stopCode)}},"stoppedReason":{{Quoted(stoppedReason)}},"containers":[{{container}}],"attachments":{{attachments}}}
            """;
    }

    private static string Quoted(string? text) => text is null ? "null" : System.Text.Json.JsonSerializer.Serialize(text);

    private string NetworkInterfaceXml() => $"""
        <DescribeNetworkInterfacesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
          <requestId>r1</requestId>
          <networkInterfaceSet><item><networkInterfaceId>eni-0abc</networkInterfaceId><privateIpAddress>10.0.1.7</privateIpAddress>
          {(NetworkInterfacePublicIp is null ? "" : $"<association><publicIp>{NetworkInterfacePublicIp}</publicIp></association>")}
          </item></networkInterfaceSet>
        </DescribeNetworkInterfacesResponse>
        """;

    private static string Route53Error(string code, string message) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r1</RequestId></ErrorResponse>
        """;

    private static string ChangeXml(string status) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ChangeResourceRecordSetsResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
          <ChangeInfo><Id>/change/C0123456789</Id><Status>{status}</Status><SubmittedAt>2026-01-01T00:00:00Z</SubmittedAt></ChangeInfo>
        </ChangeResourceRecordSetsResponse>
        """;
}
