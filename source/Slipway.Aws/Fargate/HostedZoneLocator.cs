using System.Text.RegularExpressions;

namespace Slipway.Aws.Fargate;

/// <summary>Finds the hosted zone id from the HostedZone setting (an id, or a name to look up once).</summary>
internal sealed partial class HostedZoneLocator(FargateContext context)
{
    private readonly object gate = new();
    private Task<string>? zoneId;

    public Task<string> GetIdAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (zoneId is null || zoneId.IsFaulted || zoneId.IsCanceled)
            {
                zoneId = FindAsync(cancellationToken);
            }

            return zoneId;
        }
    }

    private async Task<string> FindAsync(CancellationToken cancellationToken)
    {
        var setting = context.Settings.HostedZone ?? "";
        var asId = setting.Replace("/hostedzone/", "", StringComparison.Ordinal);
        if (ZoneIdPattern().IsMatch(asId))
        {
            return asId;
        }

        var zone = await context.Clients.Route53.FindHostedZoneAsync(setting, cancellationToken);
        return zone?.Id ?? throw new AwsException(
            $"No Route53 hosted zone is named '{setting}': check the HostedZone setting (a zone name or its id).",
            Route53.Route53Operations.ListHostedZonesByName.Action);
    }

    // Zone ids are upper-case letters and digits starting with Z and never contain a dot; zone names do.
    [GeneratedRegex("^Z[A-Z0-9]{4,}$")]
    private static partial Regex ZoneIdPattern();
}
