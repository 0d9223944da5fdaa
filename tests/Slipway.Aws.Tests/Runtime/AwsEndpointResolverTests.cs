using Slipway.Aws.Runtime;

namespace Slipway.Aws.Tests.Runtime;

public sealed class AwsEndpointResolverTests
{
    [Fact]
    public void Without_overrides_each_service_uses_its_regional_endpoint_and_Route53_its_global_one()
    {
        var resolver = new AwsEndpointResolver(new AwsClientOptions { EnvironmentVariable = _ => null });

        resolver.Resolve(AwsService.Ecs, "eu-west-1").Should().Be(new Uri("https://ecs.eu-west-1.amazonaws.com/"));
        resolver.Resolve(AwsService.Ecr, "eu-west-1").Should().Be(new Uri("https://api.ecr.eu-west-1.amazonaws.com/"));
        resolver.Resolve(AwsService.Logs, "cn-north-1").Should().Be(new Uri("https://logs.cn-north-1.amazonaws.com.cn/"));
        resolver.Resolve(AwsService.Route53, "eu-west-1").Should().Be(new Uri("https://route53.amazonaws.com/"));
    }

    [Fact]
    public void A_service_variable_wins_over_the_general_one()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = "http://127.0.0.1:4567",
        };
        var resolver = new AwsEndpointResolver(new AwsClientOptions { EnvironmentVariable = environment.GetValueOrDefault });

        resolver.Resolve(AwsService.Logs, "eu-west-1").Should().Be(new Uri("http://127.0.0.1:4567"));
        resolver.Resolve(AwsService.Route53, "eu-west-1").Should().Be(new Uri("http://127.0.0.1:4566"));
    }

    [Fact]
    public void Explicit_endpoints_win_over_the_environment()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_ECS"] = "http://127.0.0.1:1" };
        var resolver = new AwsEndpointResolver(new AwsClientOptions
        {
            EnvironmentVariable = environment.GetValueOrDefault,
            EndpointUrl = new Uri("http://127.0.0.1:2"),
            ServiceEndpointUrls = new Dictionary<string, Uri> { ["EC2"] = new("http://127.0.0.1:3") },
        });

        resolver.Resolve(AwsService.Ecs, "eu-west-1").Should().Be(new Uri("http://127.0.0.1:2"));
        resolver.Resolve(AwsService.Ec2, "eu-west-1").Should().Be(new Uri("http://127.0.0.1:3"));
    }

    [Fact]
    public void Configured_endpoints_can_be_ignored_as_in_the_SDKs()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        };
        var resolver = new AwsEndpointResolver(new AwsClientOptions { EnvironmentVariable = environment.GetValueOrDefault });

        resolver.Resolve(AwsService.Ecs, "us-east-2").Should().Be(new Uri("https://ecs.us-east-2.amazonaws.com/"));
    }

    [Fact]
    public void An_override_that_is_not_a_URL_names_the_variable_to_fix()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_EC2"] = "localhost:4566" };
        var resolver = new AwsEndpointResolver(new AwsClientOptions { EnvironmentVariable = environment.GetValueOrDefault });

        var resolve = () => resolver.Resolve(AwsService.Ec2, "eu-west-1");

        resolve.Should().Throw<AwsException>().WithMessage("*fix AWS_ENDPOINT_URL_EC2 or AWS_ENDPOINT_URL.");
    }
}
