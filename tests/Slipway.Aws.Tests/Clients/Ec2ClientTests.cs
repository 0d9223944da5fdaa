using Slipway.Aws.Tests.Fixtures;

namespace Slipway.Aws.Tests.Clients;

[Collection(AwsCollection.Name)]
public sealed class Ec2ClientTests(MotoFixture moto)
{
    [Fact]
    public async Task A_task_network_interface_reports_the_private_address_of_the_task()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        var definition = await clients.Ecs.RegisterTaskDefinitionAsync(EcsClientTests.Definition(world, "eni"), CancellationToken.None);
        var task = await clients.Ecs.RunTaskAsync(EcsClientTests.RunRequest(world, definition.TaskDefinitionArn), CancellationToken.None);
        var attachment = task.Attachments!.Single(candidate => candidate.Type == "ElasticNetworkInterface");

        var networkInterface = await clients.Ec2.DescribeNetworkInterfaceAsync(attachment.Detail("networkInterfaceId")!, CancellationToken.None);

        networkInterface!.PrivateIpAddress.Should().Be(attachment.Detail("privateIPv4Address"));
        networkInterface.PublicIp.Should().BeNull("moto gives task interfaces no public address");
    }

    [Fact]
    public async Task An_interface_EC2_does_not_know_is_reported_as_missing()
    {
        using var clients = moto.Clients();

        var networkInterface = await clients.Ec2.DescribeNetworkInterfaceAsync("eni-0000000000000000f", CancellationToken.None);

        networkInterface.Should().BeNull();
    }
}
