namespace Slipway.Git.Releases;

/// <summary>What became of one step of a release (creating the tag, pushing it).</summary>
public enum ReleaseStepState
{
    /// <summary>The step was carried out in this run.</summary>
    Done,

    /// <summary>A dry run: the step would have been carried out.</summary>
    WouldDo,

    /// <summary>An earlier run already did it (the tag is there, on the same commit).</summary>
    AlreadyDone,

    /// <summary>Not asked for (no remote to push to).</summary>
    Skipped,
}
