namespace Slipway.Pipeline.Playground;

/// <summary>What one readiness attempt got.</summary>
/// <param name="Status">The final HTTP status after redirects on the playground's own host; null when nothing answered.</param>
/// <param name="Ready">True when the answer passes the readiness check.</param>
/// <param name="Problem">Why it does not, in a few words ("answered 403 Forbidden at /").</param>
public sealed record ProbeAnswer(int? Status, bool Ready, string? Problem);
