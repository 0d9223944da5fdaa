using System.Collections.Concurrent;
using Slipway.Service.Execution;
using Slipway.Service.Queue;

namespace Slipway.Service.Tests.Fixtures;

/// <summary>Remembers the interrupted runs it was asked to clean up after.</summary>
public sealed class RecordingCleaner : IRunResourceCleaner
{
    private readonly ConcurrentQueue<QueuedRun> _cleaned = new();

    public IReadOnlyList<QueuedRun> Cleaned => _cleaned.ToList();

    public Task<int> CleanAsync(QueuedRun run, CancellationToken cancellationToken)
    {
        _cleaned.Enqueue(run);
        return Task.FromResult(0);
    }
}
