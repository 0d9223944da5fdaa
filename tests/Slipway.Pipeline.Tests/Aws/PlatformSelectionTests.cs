using Slipway.Composition;

namespace Slipway.Pipeline.Tests.Aws;

public sealed class PlatformSelectionTests
{
    [Theory]
    [InlineData(PlatformChoice.Auto, null, PlatformChoice.Local)]
    [InlineData(PlatformChoice.Auto, " ", PlatformChoice.Local)]
    [InlineData(PlatformChoice.Auto, "slipway", PlatformChoice.Aws)]
    [InlineData(PlatformChoice.Local, "slipway", PlatformChoice.Local)]
    [InlineData(PlatformChoice.Aws, null, PlatformChoice.Aws)]
    public void Resolve_PicksAwsWhenAskedOrWhenAutoHasACluster(PlatformChoice requested, string? cluster, PlatformChoice expected)
    {
        PlatformSelection.Resolve(requested, cluster).Should().Be(expected);
    }
}
