namespace Slipway.Data.Servers;

/// <summary>Where a database server answers and the account Slipway administers it with.</summary>
/// <param name="Host">A host name or address, e.g. 127.0.0.1 or an RDS endpoint.</param>
/// <param name="User">The administrative user (creates databases and users, grants rights).</param>
/// <param name="Password">The user's password; never printed (see <see cref="ToString"/>).</param>
public sealed record DatabaseEndpoint(string Host, int Port, string User, string Password)
{
    /// <summary>host:port, the form error messages name the server by.</summary>
    public string Address => $"{Host}:{Port}";

    /// <summary>The address and user, never the password.</summary>
    public override string ToString() => $"{User}@{Address}";
}
