using System.Collections.Concurrent;

namespace Slipway.Data.Files;

/// <summary>One holder per key at a time within this process; the others wait their turn.</summary>
internal sealed class OneAtATime
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits until no one else holds <paramref name="key"/>; it is free again when the result is disposed.</summary>
    public async Task<IDisposable> HoldAsync(string key, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Held(gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
