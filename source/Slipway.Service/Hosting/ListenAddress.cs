using System.Globalization;
using System.Net;

namespace Slipway.Service.Hosting;

/// <summary>Where the service listens: an address and a port, from <c>host:port</c>, <c>[v6]:port</c> or <c>http://host:port</c>.</summary>
public sealed record ListenAddress(IPAddress Address, int Port)
{
    /// <summary>True for 127.0.0.0/8 and ::1: only this machine can connect.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <exception cref="ServiceSettingsException">The text names no address and port.</exception>
    public static ListenAddress Parse(string text)
    {
        var value = text.Trim();
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["http://".Length..].TrimEnd('/');
        }

        var separator = value.LastIndexOf(':');
        if (separator <= 0 || (value.Contains(']') && separator < value.IndexOf(']')))
        {
            throw Invalid(text);
        }

        var host = value[..separator].Trim('[', ']');
        if (!int.TryParse(value[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw Invalid(text);
        }

        var address = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.Any,
            _ when IPAddress.TryParse(host, out var parsed) => parsed,
            _ => throw Invalid(text),
        };
        return new ListenAddress(address, port);
    }

    public override string ToString() =>
        Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    private static ServiceSettingsException Invalid(string text) =>
        new($"Listen is '{text}'; give an IP address and a port, such as 127.0.0.1:8080, [::1]:8080 or 0.0.0.0:8080.");
}
