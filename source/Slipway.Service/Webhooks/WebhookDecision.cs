using Slipway.Service.Queue;

namespace Slipway.Service.Webhooks;

/// <summary>What a verified delivery asks for: a run, nothing (an event Slipway does not act on), or a pong.</summary>
public sealed record WebhookDecision(RunRequest? Request, string? IgnoredBecause, bool IsPing = false)
{
    /// <summary>Queue this run.</summary>
    public static WebhookDecision Run(RunRequest request) => new(request, null);

    /// <summary>Answer and do nothing.</summary>
    public static WebhookDecision Ignore(string reason) => new(null, reason);

    /// <summary>Answer a ping.</summary>
    public static WebhookDecision Ping() => new(null, null, IsPing: true);
}
