namespace Slipway.Platform;

/// <summary>Something a platform created that a clean-up could not remove; Teardown finds it by its tags.</summary>
/// <param name="What">What it is, as people call it, with its id: <c>task arn:aws:ecs:…</c>, <c>task definition …:3</c>.</param>
/// <param name="Reason">Why it stayed: the clean-up step's error, one sentence.</param>
public sealed record Leftover(string What, string Reason);
