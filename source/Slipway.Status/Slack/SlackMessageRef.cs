namespace Slipway.Status.Slack;

/// <summary>A posted message: the channel ID and the <c>ts</c> Slack returned, which updates and replies need.</summary>
internal sealed record SlackMessageRef(string Channel, string Ts);
