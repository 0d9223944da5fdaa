using System.Net;
using Slipway.Git;

namespace Slipway.Service.Hosting;

/// <summary>
/// The address people reach the service at (<c>--public-url</c>, e.g. <c>https://slipway.example.com</c>), from which
/// Slack and commit statuses link a run's page and its screenshots. A loopback address is refused: nobody reading
/// Slack on another machine could open it.
/// </summary>
public sealed record PublicAddress(Uri Root)
{
    /// <summary>The host name, which the service then answers to like a ServiceHosts entry.</summary>
    public string Host => Root.IdnHost;

    /// <summary>Reads the setting; null when it is not set.</summary>
    /// <exception cref="ServiceSettingsException">It is not an http(s) address of another machine.</exception>
    public static PublicAddress? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var root) || root.Scheme is not ("https" or "http") ||
            !string.IsNullOrEmpty(root.UserInfo) || root.Query.Length > 0 || root.Fragment.Length > 0)
        {
            throw new ServiceSettingsException(
                $"PublicUrl '{CredentialRedactor.Redact(value)}' is not a web address: give the https:// address people open the service at, such as https://slipway.example.com.");
        }

        if (root.IsLoopback || (IPAddress.TryParse(root.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)))
        {
            throw new ServiceSettingsException(
                $"PublicUrl '{CredentialRedactor.Redact(value)}' is a loopback address that nobody reading Slack on another machine can open: give the address people reach the service at, or leave it unset.");
        }

        // The service answers at its root only (its links and the login's return address start with '/'), so a
        // proxy's path prefix would break them.
        if (root.AbsolutePath != "/")
        {
            throw new ServiceSettingsException(
                $"PublicUrl '{CredentialRedactor.Redact(value)}' has a path ({root.AbsolutePath}), but the service answers at the root of its address only: give the address without a path, such as {root.Scheme}://{root.Authority}, and serve it from the root of that host.");
        }

        return new PublicAddress(new Uri(root.GetLeftPart(UriPartial.Authority) + "/"));
    }

    /// <summary>Checks the setting when the service starts, as <see cref="Parse"/> reads it.</summary>
    /// <exception cref="ServiceSettingsException">It is not an http(s) address of another machine at the root of its host.</exception>
    public static void Check(string? value) => Parse(value);

    /// <summary>The run page of the service's run <paramref name="runId"/>.</summary>
    public Uri RunPage(string runId) => new(Root, $"runs/{Uri.EscapeDataString(runId)}");

    public override string ToString() => Root.AbsoluteUri;
}
