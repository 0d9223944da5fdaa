namespace Slipway.Status;

/// <summary>A failing test or an analysis finding.</summary>
/// <param name="Title">The test's name or the finding's rule.</param>
/// <param name="Location">Where it is, as <c>file:line</c>, when known.</param>
/// <param name="Message">The assertion message or the finding's text.</param>
public sealed record FailureItem(string Title, string? Location, string? Message);
