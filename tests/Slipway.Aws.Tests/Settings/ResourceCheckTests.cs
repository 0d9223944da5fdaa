using Slipway.Aws.Tests.Fixtures;

namespace Slipway.Aws.Tests.Settings;

/// <summary>Well-formed settings that name what does not exist are found before anything is built, all at once.</summary>
[Collection(AwsCollection.Name)]
public sealed class ResourceCheckTests(MotoFixture moto)
{
    [Fact]
    public async Task Settings_that_name_existing_resources_have_no_problems()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();

        var problems = await platform.CheckReadyAsync(CancellationToken.None);

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_cluster_subnet_security_group_and_zone_are_named_together()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform(world.Settings with
        {
            Cluster = "no-such-cluster",
            Subnets = [moto.Subnets[0], "subnet-0123456789abcdef0"],
            SecurityGroups = ["sg-0123456789abcdef0"],
            HostedZone = "no-such-zone.example.com",
            Domain = "pr.no-such-zone.example.com",
        });

        var problems = await platform.CheckReadyAsync(CancellationToken.None);

        problems.Should().BeEquivalentTo(
            "Cluster 'no-such-cluster' does not exist in eu-west-1 (or is not active): check AwsCluster and AwsRegion.",
            "Subnet subnet-0123456789abcdef0 does not exist in eu-west-1: check AwsSubnets.",
            "Security group sg-0123456789abcdef0 does not exist in eu-west-1: check AwsSecurityGroups.",
            "No Route53 hosted zone is named 'no-such-zone.example.com': check the HostedZone setting (a zone name or its id).");
    }
}
