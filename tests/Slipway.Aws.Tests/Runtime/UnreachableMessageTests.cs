using System.Net.Http;
using System.Net.Sockets;
using Slipway.Aws.Ecs;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Tests.Runtime;

/// <summary>
/// The reason in "Could not reach AWS ..." as the build prints it: the build runs with UseSystemResourceKeys,
/// where .NET's own exception messages are bare keys such as net_http_client_execution_error.
/// </summary>
public sealed class UnreachableMessageTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:4566/");

    [Fact]
    public void A_reset_connection_is_named_in_the_operating_systems_words_not_by_a_resource_key()
    {
        var reset = new HttpRequestException(
            HttpRequestError.Unknown, "net_http_client_execution_error", new IOException("net_http_io_read", new SocketException((int)SocketError.ConnectionReset)));

        var message = AwsErrorMessages.Unreachable(EcsOperations.RunTask, Endpoint, reset).Message;

        message.Should().Be($"Could not reach AWS ECS at http://127.0.0.1:4566 for ecs:RunTask ({new SocketException((int)SocketError.ConnectionReset).Message.TrimEnd('.')}): check the network, the Region and AWS_ENDPOINT_URL_ECS.")
            .And.NotContain("net_http");
    }

    [Fact]
    public void A_connection_closed_before_the_answer_says_so()
    {
        var ended = new HttpRequestException(
            HttpRequestError.Unknown, "net_http_client_execution_error", new HttpIOException(HttpRequestError.ResponseEnded, "net_http_invalid_response_premature_eof"));

        AwsErrorMessages.Unreachable(EcsOperations.DescribeTasks, Endpoint, ended).Message
            .Should().Contain("for ecs:DescribeTasks (the connection closed before the answer): check the network");
    }
}
