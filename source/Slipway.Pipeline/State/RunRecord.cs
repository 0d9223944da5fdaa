using Slipway.Status;

namespace Slipway.Pipeline.State;

/// <summary>One pipeline run as the state store keeps it.</summary>
public sealed record RunRecord(
    string Id,
    string Pipeline,
    string App,
    string Branch,
    string? Commit,
    RunState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    string? Summary = null);

/// <summary>One stage of a run.</summary>
public sealed record StageRecord(
    string RunId,
    string Name,
    StageState State,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Summary);

/// <summary>A playground Slipway started and has not torn down yet.</summary>
/// <param name="HostSecret">The random part of its unguessable host name (<see cref="Naming.RunIdentity.HostLabel"/>), kept so
/// the next run of the branch serves at the same address; null for a plain host name.</param>
public sealed record PlaygroundRecord(
    string App,
    string Branch,
    string Slug,
    string Url,
    string ResourceId,
    string Image,
    string RunId,
    string Platform,
    DateTimeOffset StartedAt,
    bool Keep = false,
    string? HostSecret = null);
