using Amazon.Runtime;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Tests.Runtime;

public sealed class SigV4RequestSignerTests
{
    // The "GET Object" example of AWS's Signature Version 4 documentation (sig-v4-header-based-auth):
    // its example keys, fixed date and published signature.
    private const string ExampleAccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string ExampleSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly DateTime ExampleDate = new(2013, 5, 24, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_signer_produces_the_signature_AWS_publishes_for_its_GET_Object_example()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/test.txt");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");

        await SigV4RequestSigner.SignAsync(request, [], new BasicAWSCredentials(ExampleAccessKey, ExampleSecretKey), "us-east-1", "s3", ExampleDate, CancellationToken.None);

        request.Headers.GetValues("Authorization").Single().Should().Be(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        request.Headers.GetValues("X-Amz-Date").Single().Should().Be("20130524T000000Z");
    }

    [Fact]
    public async Task A_JSON_call_signs_its_target_and_content_type_and_carries_the_session_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://ecs.eu-west-1.amazonaws.com/")
        {
            Content = new ByteArrayContent("{}"u8.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.RunTask");
        var credentials = new SessionAWSCredentials(ExampleAccessKey, ExampleSecretKey, "example-session-token");

        await SigV4RequestSigner.SignAsync(request, "{}"u8.ToArray(), credentials, "eu-west-1", "ecs", ExampleDate, CancellationToken.None);

        var authorization = request.Headers.GetValues("Authorization").Single();
        authorization.Should().StartWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/eu-west-1/ecs/aws4_request")
            .And.Contain("content-type").And.Contain("x-amz-target").And.Contain("x-amz-security-token")
            .And.NotContain(ExampleSecretKey);
        request.Headers.GetValues("X-Amz-Security-Token").Single().Should().Be("example-session-token");
    }

    [Fact]
    public async Task Another_body_gives_another_signature()
    {
        async Task<string> SignatureOf(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://logs.eu-west-1.amazonaws.com/");
            await SigV4RequestSigner.SignAsync(request, System.Text.Encoding.UTF8.GetBytes(body), new BasicAWSCredentials(ExampleAccessKey, ExampleSecretKey), "eu-west-1", "logs", ExampleDate, CancellationToken.None);
            return request.Headers.GetValues("Authorization").Single();
        }

        (await SignatureOf("{\"a\":1}")).Should().NotBe(await SignatureOf("{\"a\":2}"));
    }
}
