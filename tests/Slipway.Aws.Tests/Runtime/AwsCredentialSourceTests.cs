using Amazon.Runtime;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Tests.Runtime;

public sealed class AwsCredentialSourceTests
{
    [Fact]
    public async Task When_the_default_chain_finds_nothing_the_error_says_how_to_give_credentials()
    {
        // What the SDK's DefaultAWSCredentialsIdentityResolver throws on a machine without any credentials.
        var source = new AwsCredentialSource(
            new AwsClientOptions { EnvironmentVariable = _ => null },
            _ => throw new AmazonClientException("Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors: ..."));

        var resolve = () => source.GetAsync(CancellationToken.None);

        (await resolve.Should().ThrowAsync<AwsException>()).Which.Message.Should().Be(
            "No AWS credentials found: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where a container or instance role is available.");
    }

    [Fact]
    public async Task Explicit_credentials_are_used_without_searching_the_chain()
    {
        var given = new BasicAWSCredentials("AKIDEXAMPLE", "example-secret");
        var source = new AwsCredentialSource(
            new AwsClientOptions { Credentials = given },
            _ => throw new InvalidOperationException("The chain must not be searched."));

        (await source.GetAsync(CancellationToken.None)).Should().BeSameAs(given);
    }

    [Fact]
    public async Task The_chain_is_searched_once_for_all_calls()
    {
        var searches = 0;
        var source = new AwsCredentialSource(new AwsClientOptions(), _ =>
        {
            Interlocked.Increment(ref searches);
            return Task.FromResult<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "example-secret"));
        });

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => source.GetAsync(CancellationToken.None)));

        searches.Should().Be(1);
    }
}
