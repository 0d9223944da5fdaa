using Amazon.Runtime;
using Slipway.Aws.Ecr;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Tests.Runtime;

public sealed class SecretsTests
{
    [Fact]
    public void Client_options_do_not_print_their_credentials()
    {
        var options = new AwsClientOptions { Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI-secret"), Profile = "ci" };

        options.ToString().Should().NotContain("wJalrXUtnFEMI-secret").And.NotContain("AKIDEXAMPLE").And.Contain("ci");
    }

    [Fact]
    public void An_ECR_authorization_does_not_print_its_token()
    {
        var data = new EcrAuthorizationData("QVdTOnNlY3JldC1wYXNzd29yZA==", "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com", null);

        data.ToString().Should().NotContain("QVdTOnNlY3JldC1wYXNzd29yZA==").And.Contain("dkr.ecr");
    }
}
