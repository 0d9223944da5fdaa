using Amazon.Runtime;
using Slipway.Aws.Ecs;
using Slipway.Aws.Runtime;
using Slipway.Aws.Tests.Fixtures;

namespace Slipway.Aws.Tests.Runtime;

public sealed class AwsRequestSenderTests
{
    private const string SecretKey = "test-secret-key-never-shown";

    [Fact]
    public async Task A_throttled_call_is_retried_with_a_fresh_signature_until_it_succeeds()
    {
        var answers = new Queue<FakeAnswer>([
            FakeAnswer.JsonError(400, "ThrottlingException", "Rate exceeded"),
            FakeAnswer.JsonError(429, "TooManyRequestsException", "Slow down"),
            FakeAnswer.Json("""{"taskArns":["arn:aws:ecs:eu-west-1:123456789012:task/c/1"]}"""),
        ]);
        await using var endpoint = new FakeAwsEndpoint(_ => answers.Dequeue());
        using var clients = Clients(endpoint);

        var tasks = await clients.Ecs.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        tasks.Should().Equal("arn:aws:ecs:eu-west-1:123456789012:task/c/1");
        endpoint.Operations.Should().Equal("ListTasks", "ListTasks", "ListTasks");
        endpoint.Requests.Should().OnlyContain(request => request.Headers["Authorization"].StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_error_is_retried()
    {
        var answers = new Queue<FakeAnswer>([
            FakeAnswer.JsonError(500, "ServerException", "Internal error"),
            FakeAnswer.Json("""{"taskArns":[]}"""),
        ]);
        await using var endpoint = new FakeAwsEndpoint(_ => answers.Dequeue());
        using var clients = Clients(endpoint);

        var tasks = await clients.Ecs.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        tasks.Should().BeEmpty();
        endpoint.Operations.Should().HaveCount(2);
    }

    [Fact]
    public async Task Throttling_that_does_not_end_becomes_one_sentence_after_the_last_attempt()
    {
        await using var endpoint = new FakeAwsEndpoint(_ => FakeAnswer.JsonError(400, "ThrottlingException", "Rate exceeded"));
        using var clients = Clients(endpoint);

        var list = () => clients.Ecs.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        (await list.Should().ThrowAsync<AwsException>())
            .Which.Message.Should().Be("AWS kept throttling ecs:ListTasks after 3 attempts: run fewer pipelines at once or ask AWS to raise the ECS request rate.");
        endpoint.Operations.Should().HaveCount(3);
    }

    [Fact]
    public async Task AWS_MAX_ATTEMPTS_sets_how_often_a_call_is_tried()
    {
        await using var endpoint = new FakeAwsEndpoint(_ => FakeAnswer.JsonError(503, "ServiceUnavailable", "Try later"));
        var environment = new Dictionary<string, string> { ["AWS_MAX_ATTEMPTS"] = "2" };
        using var clients = new AwsClients(Options(endpoint.Url) with { EnvironmentVariable = environment.GetValueOrDefault }, "eu-west-1");

        var list = () => clients.Ecs.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        (await list.Should().ThrowAsync<AwsException>()).Which.Message.Should().Be("AWS ecs:ListTasks failed with ServiceUnavailable: Try later.");
        endpoint.Operations.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var endpoint = new FakeAwsEndpoint(_ => FakeAnswer.JsonError(400, "InvalidParameterException", "Subnets are invalid."));
        using var clients = Clients(endpoint);

        var list = () => clients.Ecs.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        (await list.Should().ThrowAsync<AwsException>())
            .Which.Message.Should().Be("AWS ecs:ListTasks failed with InvalidParameterException: Subnets are invalid.");
        endpoint.Operations.Should().HaveCount(1);
    }

    [Fact]
    public async Task Access_denied_names_the_missing_action_and_the_principal()
    {
        await using var endpoint = new FakeAwsEndpoint(_ => FakeAnswer.JsonError(
            400,
            "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:RunTask on resource: arn:aws:ecs:eu-west-1:123456789012:task-definition/x:1"));
        using var clients = Clients(endpoint);

        var run = () => clients.Ecs.RunTaskAsync(RunRequest(), CancellationToken.None);

        (await run.Should().ThrowAsync<AwsException>())
            .Which.Message.Should().Be("AWS refused ecs:RunTask: grant it to arn:aws:iam::123456789012:user/ci, see docs/iam-policy.json.");
    }

    [Fact]
    public async Task A_denied_role_pass_names_iam_PassRole_rather_than_the_call()
    {
        await using var endpoint = new FakeAwsEndpoint(_ => FakeAnswer.JsonError(
            400,
            "AccessDeniedException",
            "User: arn:aws:sts::123456789012:assumed-role/ci/session is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/exec"));
        using var clients = Clients(endpoint);

        var run = () => clients.Ecs.RunTaskAsync(RunRequest(), CancellationToken.None);

        (await run.Should().ThrowAsync<AwsException>())
            .Which.Message.Should().StartWith("AWS refused iam:PassRole: grant it to arn:aws:sts::123456789012:assumed-role/ci/session");
    }

    [Fact]
    public async Task An_EC2_refusal_in_the_query_protocol_is_read_from_its_XML()
    {
        await using var endpoint = new FakeAwsEndpoint(_ => new FakeAnswer(
            403,
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ec2:DescribeNetworkInterfaces because no identity-based policy allows the ec2:DescribeNetworkInterfaces action</Message></Error></Errors><RequestID>r1</RequestID></Response>
            """,
            "text/xml"));
        using var clients = Clients(endpoint);

        var describe = () => clients.Ec2.DescribeNetworkInterfaceAsync("eni-1", CancellationToken.None);

        (await describe.Should().ThrowAsync<AwsException>())
            .Which.Message.Should().Be("AWS refused ec2:DescribeNetworkInterfaces: grant it to arn:aws:iam::123456789012:user/ci, see docs/iam-policy.json.");
    }

    [Fact]
    public async Task Rejected_credentials_say_what_to_check_without_showing_them()
    {
        await using var endpoint = new FakeAwsEndpoint(_ => FakeAnswer.JsonError(400, "UnrecognizedClientException", "The security token included in the request is invalid."));
        using var clients = Clients(endpoint);

        var list = () => clients.Ecs.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        var failure = (await list.Should().ThrowAsync<AwsException>()).Which;
        failure.Message.Should().StartWith("AWS rejected the credentials used for ecs:ListTasks (UnrecognizedClientException): check AWS_PROFILE");
        failure.ToString().Should().NotContain(SecretKey);
    }

    [Fact]
    public async Task An_endpoint_nobody_answers_on_is_named_with_the_override_to_check()
    {
        var closedPort = LoopbackPort.Free();
        using var sender = new AwsRequestSender(Options(new Uri($"http://127.0.0.1:{closedPort}/")), "eu-west-1");
        var clients = new EcsClient(new JsonProtocol(sender));

        var list = () => clients.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        (await list.Should().ThrowAsync<AwsException>())
            .Which.Message.Should().StartWith($"Could not reach AWS ECS at http://127.0.0.1:{closedPort} for ecs:ListTasks").And.EndWith("check the network, the Region and AWS_ENDPOINT_URL_ECS.");
    }

    [Fact]
    public async Task A_profile_that_does_not_exist_is_named_in_the_error()
    {
        var profile = "slipway-tests-missing-" + Guid.NewGuid().ToString("N")[..8];
        using var sender = new AwsRequestSender(new AwsClientOptions { Profile = profile, EndpointUrl = new Uri("http://127.0.0.1:9/"), EnvironmentVariable = _ => null }, "eu-west-1");
        var clients = new EcsClient(new JsonProtocol(sender));

        var list = () => clients.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        (await list.Should().ThrowAsync<AwsException>())
            .Which.Message.Should().Be($"The AWS profile '{profile}' was not found in ~/.aws/config or ~/.aws/credentials: create it (aws configure) or name an existing profile.");
    }

    internal static AwsClientOptions Options(Uri endpoint) => new()
    {
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", SecretKey),
        EndpointUrl = endpoint,
        EnvironmentVariable = _ => null,
        Retry = new AwsRetryOptions(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
    };

    private static AwsClients Clients(FakeAwsEndpoint endpoint) => new(Options(endpoint.Url), "eu-west-1");

    private static RunTaskRequest RunRequest() => new(
        "c", "x:1", "FARGATE", 1, "token", "slipway",
        new NetworkConfiguration(new AwsVpcConfiguration(["subnet-1"], ["sg-1"], "ENABLED")), []);
}
