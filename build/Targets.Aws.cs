using Slipway.Pipeline.Composition;

partial class Targets
{
    /// <summary>The platform the tasks run on; AWS only when asked for or when a cluster is configured.</summary>
    PlatformChoice ResolvedPlatform => Platform == PlatformChoice.Auto ? PlatformChoice.Local : Platform;

    Task<IEnumerable<(string Name, bool Ok, string Detail)>> CheckAwsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IEnumerable<(string, bool, string)>>(
            ResolvedPlatform == PlatformChoice.Aws ? [("aws", false, "the AWS platform is not wired in yet.")] : []);
}
