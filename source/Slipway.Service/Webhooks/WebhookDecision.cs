using Slipway.Service.Queue;

namespace Slipway.Service.Webhooks;

/// <summary>
/// What a verified delivery asks for: runs (usually one; a merged pull request with <c>release: on-merge</c> asks for
/// its teardown and a release), nothing (an event Slipway does not act on, with the reason), or a pong.
/// </summary>
public sealed record WebhookDecision(IReadOnlyList<RunRequest> Requests, string? IgnoredBecause, bool IsPing = false)
{
    /// <summary>A fork's pull request that runs nothing yet: the run it gets once trusted on the forks page.</summary>
    public RunRequest? AwaitingTrust { get; init; }

    /// <summary>The first run asked for, or null.</summary>
    public RunRequest? Request => Requests.Count > 0 ? Requests[0] : null;

    /// <summary>Queue this run.</summary>
    public static WebhookDecision Run(RunRequest request) => new([request], null);

    /// <summary>Queue these runs, in order; nothing (and the reason) when there are none.</summary>
    public static WebhookDecision Runs(IReadOnlyList<RunRequest> requests, string reasonWhenNone) =>
        requests.Count == 0 ? Ignore(reasonWhenNone) : new(requests, null);

    /// <summary>Answer and do nothing.</summary>
    public static WebhookDecision Ignore(string reason) => new([], reason);

    /// <summary>Answer a ping.</summary>
    public static WebhookDecision Ping() => new([], null, IsPing: true);
}
