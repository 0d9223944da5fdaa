using System.Globalization;
using System.Security.Cryptography;

namespace Slipway.Pipeline.Running;

/// <summary>Run ids sort by time and stay unique across machines: <c>20261122-013045-a1b2</c>.</summary>
public static class RunIds
{
    public static string New(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
}
