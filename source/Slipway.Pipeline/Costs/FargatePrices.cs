using System.Globalization;

namespace Slipway.Pipeline.Costs;

/// <summary>
/// What Fargate charges per vCPU-hour and per GB-hour (Linux/x86, on demand), with where the figures come from.
/// The defaults are us-east-1's list prices; other regions differ, so set SLIPWAY_FARGATE_VCPU_HOUR_USD and
/// SLIPWAY_FARGATE_GB_HOUR_USD (and SLIPWAY_FARGATE_PRICES_NOTE) to your region's.
/// </summary>
public sealed record FargatePrices(decimal VcpuHourUsd, decimal GbHourUsd, string Source)
{
    /// <summary>Fargate bills each task for at least a minute.</summary>
    public static readonly TimeSpan MinimumBilled = TimeSpan.FromMinutes(1);

    /// <summary>us-east-1, Linux/x86, on demand, as AWS listed them in June 2026.</summary>
    public static FargatePrices Default { get; } = new(0.04048m, 0.004445m, "Fargate us-east-1 Linux/x86 list prices of 2026-06");

    /// <summary>The default prices with any set in the environment instead.</summary>
    /// <exception cref="ArgumentException">A price is not a positive decimal number (the message names the variable).</exception>
    public static FargatePrices FromEnvironment(Func<string, string?> read)
    {
        var vcpu = Price(read, "SLIPWAY_FARGATE_VCPU_HOUR_USD");
        var gb = Price(read, "SLIPWAY_FARGATE_GB_HOUR_USD");
        if (vcpu is null && gb is null)
        {
            return Default;
        }

        var note = read("SLIPWAY_FARGATE_PRICES_NOTE") is { Length: > 0 } text ? text.Trim() : "Fargate prices set in the environment";
        return new FargatePrices(vcpu ?? Default.VcpuHourUsd, gb ?? Default.GbHourUsd, note);
    }

    /// <summary>The price of one task of <paramref name="vcpu"/> and <paramref name="memoryGb"/> that ran <paramref name="time"/>.</summary>
    public decimal PriceOf(double vcpu, double memoryGb, TimeSpan time)
    {
        var hours = (decimal)(time < MinimumBilled ? MinimumBilled : time).TotalHours;
        return hours * (((decimal)vcpu * VcpuHourUsd) + ((decimal)memoryGb * GbHourUsd));
    }

    private static decimal? Price(Func<string, string?> read, string variable)
    {
        var text = read(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) && price > 0
            ? price
            : throw new ArgumentException($"{variable} is '{text}'; set it to the price in US dollars, e.g. 0.04048.");
    }
}
