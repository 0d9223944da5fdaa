using System.Security.Cryptography;
using System.Text;

namespace Slipway.Pipeline.Naming;

/// <summary>
/// Who a run, its playground and every resource it makes belong to: the app, the repository the code comes from
/// (a fork's full name, or none for the app's own repository) and the branch. Every name Slipway derives for a run
/// comes from here, so two apps with the same branch, or a fork with upstream's branch name, never share one.
/// See docs/naming.md.
/// </summary>
/// <param name="App">The app's name, a slug (see <see cref="BranchSlug"/>).</param>
/// <param name="Branch">The git branch the code is on (in the fork, for a fork).</param>
/// <param name="Fork">The full name (owner/name) of the fork the branch is in; null for the app's own repository.</param>
public sealed partial record RunIdentity(string App, string Branch, string? Fork = null)
{
    /// <summary>A DNS label is at most 63 characters (RFC 1035).</summary>
    public const int MaxNameLength = 63;

    /// <summary>How many characters the random part of an unguessable host name has.</summary>
    public const int HostSecretLength = 10;

    private const char KeySeparator = ':';
    private const string PartSeparator = "--";
    private const int HashLength = 8;
    private const string HostSecretAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>
    /// The branch as Slipway keys it (labels, playground records, the queue): the branch for the app's own repository,
    /// <c>&lt;fork&gt;:&lt;branch&gt;</c> for a fork. No git branch name holds a ':', so a key is never a real branch.
    /// </summary>
    public string Key => Fork is null ? Branch : $"{Fork}{KeySeparator}{Branch}";

    /// <summary>
    /// The run's name: a DNS label of at most 63 characters, <c>&lt;branch&gt;--&lt;app&gt;</c> or
    /// <c>&lt;branch&gt;--&lt;fork&gt;--&lt;app&gt;</c> from the slugs of each. No slug holds "--", so the parts never run
    /// into each other; a name that would be longer keeps its first 54 characters and a hash of the whole identity.
    /// It names the container, the host name, the task families and everything below.
    /// </summary>
    public string Name => Shorten($"{BranchPart}{PartSeparator}{App}", MaxNameLength);

    /// <summary>
    /// The name without the app: <c>&lt;branch&gt;</c> or <c>&lt;branch&gt;--&lt;fork&gt;</c> from their slugs, for names the
    /// app's name is put before by their own rule (the branch database, <c>&lt;app&gt;_&lt;branch part&gt;</c>).
    /// </summary>
    public string BranchPart =>
        string.Join(PartSeparator, new[] { BranchSlug.From(Branch), Fork is null ? null : BranchSlug.From(Fork) }.OfType<string>());

    /// <summary>The image tag of a build of this identity at a commit: <c>&lt;name&gt;-&lt;sha7&gt;</c>.</summary>
    public string ImageTag(string shortRevision) => $"{Name}-{shortRevision}";

    /// <summary>
    /// The first label of the playground's host name: the <see cref="Name"/>, or, for an app that asks for unguessable
    /// host names, <c>&lt;name&gt;-&lt;secret&gt;</c> (the name shortened the usual way so the label stays within 63).
    /// </summary>
    /// <param name="hostSecret">A <see cref="NewHostSecret"/> kept with the playground; null for the plain name.</param>
    public string HostLabel(string? hostSecret) =>
        hostSecret is null ? Name : $"{Shorten(Name, MaxNameLength - hostSecret.Length - 1)}-{hostSecret}";

    /// <summary>The playground's host name under a domain: <c>&lt;host label&gt;.&lt;domain&gt;</c> (see <see cref="HostLabel"/>).</summary>
    public string HostName(string domain, string? hostSecret = null) => $"{HostLabel(hostSecret)}.{domain.TrimEnd('.')}";

    /// <summary>The local playground container: <c>slipway-&lt;name&gt;</c>.</summary>
    public string ContainerName => $"slipway-{Name}";

    /// <summary>The Fargate task family of a task kind: <c>slipway-&lt;app&gt;-&lt;name&gt;-&lt;kind&gt;</c>.</summary>
    public string TaskFamily(string kind) => $"slipway-{App}-{Name}-{kind}";

    /// <summary>Where the playground's files are kept (an S3 key prefix or a folder): <c>files/&lt;name&gt;/</c>.</summary>
    public string FilesPrefix => $"files/{Name}/";

    /// <summary>
    /// A new random part for an unguessable host name: <see cref="HostSecretLength"/> lowercase letters and digits from
    /// the operating system's cryptographic generator (about 52 bits), so the address cannot be guessed from the branch.
    /// </summary>
    public static string NewHostSecret() => RandomNumberGenerator.GetString(HostSecretAlphabet, HostSecretLength);

    /// <summary>True when <paramref name="fullName"/> is a repository's full name, owner/name, as GitHub and Bitbucket spell them.</summary>
    public static bool IsValidFork(string fullName) => ForkPattern().IsMatch(fullName);

    /// <summary>Reads a <see cref="Key"/> back into its fork (or null) and branch.</summary>
    public static (string? Fork, string Branch) SplitKey(string key)
    {
        var separator = key.LastIndexOf(KeySeparator);
        return separator <= 0 ? (null, key) : (key[..separator], key[(separator + 1)..]);
    }

    /// <summary>The identity a key stands for, within an app.</summary>
    public static RunIdentity FromKey(string app, string key)
    {
        var (fork, branch) = SplitKey(key);
        return new RunIdentity(app, branch, fork);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}/(?!\.\.?$)[A-Za-z0-9_.][A-Za-z0-9_.-]{0,99}$")]
    private static partial System.Text.RegularExpressions.Regex ForkPattern();

    private string Shorten(string name, int limit, char separator = '-')
    {
        if (name.Length <= limit)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{App}\n{Fork}\n{Branch}")))[..HashLength];
        var stem = name[..(limit - HashLength - 1)].TrimEnd('-', '_');
        return $"{stem}{separator}{hash}";
    }
}
