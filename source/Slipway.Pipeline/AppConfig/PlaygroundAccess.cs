namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// Who may reach an app's playground and at what address, from <c>.slipway.yml</c>'s <c>playground</c> section.
/// The default is open: the playground's host is the run's name, which anyone who knows the branch can work out.
/// </summary>
/// <param name="UnguessableHost">
/// The host becomes <c>&lt;name&gt;-&lt;random&gt;.&lt;domain&gt;</c>, the random part kept with the playground until
/// it is torn down (<c>playground.unguessable_host</c>).
/// </param>
/// <param name="BasicAuth">HTTP basic auth in front of the playground (<c>playground.basic_auth</c>); null for none.</param>
public sealed record PlaygroundAccess(bool UnguessableHost, PlaygroundBasicAuth? BasicAuth = null)
{
    /// <summary>No protection asked for.</summary>
    public static PlaygroundAccess Open { get; } = new(UnguessableHost: false);

    internal static PlaygroundAccess Read(ValueReader read) =>
        new(UnguessableHost: read.Flag("playground.unguessable_host") ?? false, BasicAuth: PlaygroundBasicAuth.Read(read));
}
