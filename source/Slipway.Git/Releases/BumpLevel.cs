namespace Slipway.Git.Releases;

/// <summary>Which part of the last release version the next one raises.</summary>
public enum BumpLevel
{
    /// <summary>Read from the conventional commits since the last release: breaking → major, feat → minor, else patch.</summary>
    Auto,
    Patch,
    Minor,
    Major,
}
