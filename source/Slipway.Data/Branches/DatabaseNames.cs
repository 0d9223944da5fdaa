using System.Security.Cryptography;
using System.Text;

namespace Slipway.Data.Branches;

/// <summary>
/// Names on the shared server: <c>&lt;app&gt;_&lt;branch slug&gt;</c> for a branch's database and its
/// user, in <c>[a-z0-9_]</c>. Too long a name is cut and given a hash of the whole, so two branches
/// never share one (databases: 64 characters; users: 32, the MySQL and RDS limit).
/// </summary>
public static class DatabaseNames
{
    /// <summary>The most characters a database name may have.</summary>
    public const int DatabaseLimit = 64;

    /// <summary>The most characters a user name may have on MySQL and RDS (MariaDB allows more).</summary>
    public const int UserLimit = 32;

    /// <summary>Temporary databases of an import start with this, so they are known as Slipway's.</summary>
    public const string ImportPrefix = "slipway_tmp_";

    /// <summary>The database of <paramref name="branchSlug"/> of <paramref name="app"/>.</summary>
    public static string Database(string app, string branchSlug) => Fit($"{Clean(app)}_{Clean(branchSlug)}", DatabaseLimit);

    /// <summary>The user that owns the branch's database and nothing else.</summary>
    public static string User(string app, string branchSlug) => Fit($"{Clean(app)}_{Clean(branchSlug)}", UserLimit);

    /// <summary>A fresh temporary name an import of <paramref name="database"/> goes into.</summary>
    public static string ImportOf(string database) =>
        Fit($"{ImportPrefix}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}_{database}", DatabaseLimit);

    private static string Clean(string name)
    {
        var cleaned = new string(name.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_').ToArray()).Trim('_');
        return cleaned.Length == 0 ? "x" : cleaned;
    }

    private static string Fit(string name, int limit)
    {
        if (name.Length <= limit)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return name[..(limit - hash.Length - 1)].TrimEnd('_') + "_" + hash;
    }
}
