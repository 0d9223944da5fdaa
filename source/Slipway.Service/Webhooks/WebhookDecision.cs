using Slipway.Service.Queue;

namespace Slipway.Service.Webhooks;

/// <summary>What a verified delivery asks for: a run, nothing (an event Slipway does not act on), or a pong.</summary>
public sealed record WebhookDecision(RunRequest? Request, string? IgnoredBecause, bool IsPing = false)
{
    public static WebhookDecision Run(RunRequest request) => new(request, null);

    public static WebhookDecision Ignore(string reason) => new(null, reason);

    public static WebhookDecision Ping() => new(null, null, IsPing: true);
}
