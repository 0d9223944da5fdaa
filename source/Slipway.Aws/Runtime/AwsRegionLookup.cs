using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace Slipway.Aws.Runtime;

/// <summary>The region the AWS platform will use and where it comes from, in the order the platform looks.</summary>
public static class AwsRegionLookup
{
    /// <param name="givenSource">Where the region in <paramref name="settings"/> came from, when it is there (the engine read AwsRegion from AWS_REGION, say).</param>
    /// <returns>The region (null when none is found) and its source, e.g. "AwsRegion" or "AWS_DEFAULT_REGION".</returns>
    public static (string? Region, string Source) Find(AwsSettings settings, AwsClientOptions options, string givenSource = "AwsRegion")
    {
        if (settings.Region is { Length: > 0 } given)
        {
            return (given, givenSource);
        }

        foreach (var variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (options.EnvironmentVariable(variable) is { Length: > 0 } fromEnvironment)
            {
                return (fromEnvironment, variable);
            }
        }

        if (options.Profile is { Length: > 0 } profile && new CredentialProfileStoreChain().TryGetProfile(profile, out var found) && found.Region is not null)
        {
            return (found.Region.SystemName, $"the AWS profile '{profile}'");
        }

        // Without asking EC2 instance metadata, which hangs for seconds on any other machine.
        return (FallbackRegionFactory.GetRegionEndpoint(false)?.SystemName, "the AWS profile");
    }
}
