namespace Slipway.Git.Checkout;

/// <summary>What <c>--app</c> points at.</summary>
public enum AppSourceKind
{
    /// <summary>A git URL: https, http, ssh, git, file, or scp-like <c>user@host:path</c>.</summary>
    GitUrl,

    /// <summary>A git repository on this machine (a working tree with <c>.git</c>, or a bare repository).</summary>
    GitRepository,

    /// <summary>A plain folder that is not the top of a git repository; mirrored as it is.</summary>
    Folder,
}
