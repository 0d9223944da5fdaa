using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Results.Changes;

/// <summary>
/// Names a finding or a failing test without its line, so that an unchanged finding that an edit above it moved
/// keeps its name from one run to the next. A finding's name is its tool, rule, file and message with numbers
/// blanked out (messages quote line numbers and counts that move with the code); a test's is its full name.
/// </summary>
public static partial class FindingFingerprint
{
    /// <summary>The fingerprint of <paramref name="finding"/>: 16 hex digits.</summary>
    public static string Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Hash($"finding\n{finding.Tool}\n{finding.Rule}\n{finding.File}\n{Normalise(finding.Message)}");
    }

    /// <summary>The fingerprint of a test: the same whatever line or message its failure has.</summary>
    public static string Of(TestCaseResult test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Hash($"test\n{test.FullName}");
    }

    private static string Normalise(string message) =>
        Whitespace().Replace(Digits().Replace(message, "#"), " ").Trim();

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
