using System.Security.Cryptography;
using System.Text;

namespace Slipway.Pipeline.Naming;

/// <summary>
/// The DNS-safe name of a branch: lower case, <c>[a-z0-9-]</c>, at most 40 characters. It names the
/// image tag, the task family, the DNS record and the container.
/// </summary>
/// <remarks>
/// A branch that is already a valid slug keeps its name (<c>demo</c> → <c>demo</c>). Any other
/// branch gets a short hash of its full name appended, so that two branches never share a slug
/// (<c>feature/x</c> and <c>feature-x</c> would otherwise collide and tear each other down).
/// </remarks>
public static class BranchSlug
{
    public const int MaxLength = 40;
    private const int HashLength = 6;

    public static string From(string branch)
    {
        if (string.IsNullOrWhiteSpace(branch))
        {
            throw new ArgumentException("The branch name is empty: pass --branch <name>.", nameof(branch));
        }

        if (IsValid(branch))
        {
            return branch;
        }

        var cleaned = Clean(branch);
        if (cleaned.Length == 0)
        {
            throw new ArgumentException(
                $"The branch name '{branch}' has no letters or digits to name a playground with: use a branch name with at least one letter or digit.",
                nameof(branch));
        }

        var suffix = Hash(branch);
        var room = MaxLength - HashLength - 1;
        var stem = cleaned.Length > room ? cleaned[..room].TrimEnd('-') : cleaned;
        return $"{stem}-{suffix}";
    }

    /// <summary>True when the text can be used as a slug as it is.</summary>
    public static bool IsValid(string text) =>
        text.Length is > 0 and <= MaxLength
        && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && text[0] != '-'
        && text[^1] != '-'
        && !text.Contains("--", StringComparison.Ordinal);

    private static string Clean(string branch)
    {
        var builder = new StringBuilder(branch.Length);
        foreach (var c in branch.ToLowerInvariant())
        {
            var mapped = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-';
            if (mapped == '-' && (builder.Length == 0 || builder[^1] == '-'))
            {
                continue;
            }

            builder.Append(mapped);
        }

        return builder.ToString().TrimEnd('-');
    }

    private static string Hash(string branch) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(branch)))[..HashLength];
}
