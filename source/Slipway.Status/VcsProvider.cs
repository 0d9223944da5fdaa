namespace Slipway.Status;

/// <summary>Where the app's repository is hosted, which decides the commit status API.</summary>
public enum VcsProvider
{
    /// <summary>github.com or GitHub Enterprise Server.</summary>
    GitHub,

    /// <summary>Bitbucket Cloud (bitbucket.org).</summary>
    Bitbucket,
}
