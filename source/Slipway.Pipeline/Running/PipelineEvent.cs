using Slipway.Pipeline.State;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>What a run tells its caller as it goes, in order. The caller's handler is awaited before the run goes on.</summary>
public abstract record PipelineEvent;

/// <summary>
/// The run exists, before it creates anything: <paramref name="RunId"/> is the slipway:run label of everything it
/// starts, <paramref name="ReportFolder"/> where its report goes (null when it writes none).
/// </summary>
public sealed record RunStarted(string RunId, string? ReportFolder) : PipelineEvent;

/// <summary>A stage started (<see cref="StageState.Running"/>) or ended, with its summary.</summary>
public sealed record StageChanged(string Stage, StageState State, string? Summary) : PipelineEvent;

/// <summary>The branch's playground answers at <paramref name="Url"/>.</summary>
public sealed record PlaygroundReady(Uri Url) : PipelineEvent;

/// <summary>A newer run replaced this one; its stop posts no failed check.</summary>
public sealed record RunSuperseded : PipelineEvent;

/// <summary>How the run ended, with its one-line summary ("test failed (…); build succeeded (…)").</summary>
/// <param name="RedChecksOnly">
/// Failed only because checks are red (failing tests, red analysis): the run went to its end, nothing broke. The
/// command line exits with 3 for it, and the service keeps the same exit code.
/// </param>
public sealed record RunFinished(RunState Outcome, string Summary, bool RedChecksOnly = false) : PipelineEvent;
