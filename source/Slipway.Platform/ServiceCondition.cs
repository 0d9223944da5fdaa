namespace Slipway.Platform;

/// <summary>How a playground the store says should be up was found when Slipway looked.</summary>
public enum ServiceCondition
{
    /// <summary>It runs.</summary>
    Running,

    /// <summary>It had stopped and was started again.</summary>
    Restarted,

    /// <summary>It is gone or stopped, and could not be (or, on AWS, is not) started again.</summary>
    Down,

    /// <summary>The platform cannot tell (it does not restart services itself).</summary>
    Unknown,
}
