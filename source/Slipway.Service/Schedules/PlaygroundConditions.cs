using System.Collections.Concurrent;
using Slipway.Platform;

namespace Slipway.Service.Schedules;

/// <summary>What the last look at the playgrounds found, for the playgrounds page: one that is down is shown as down.</summary>
public sealed class PlaygroundConditions
{
    private readonly ConcurrentDictionary<(string App, string Branch), ServiceCondition> _found = new();

    public void Replace(IReadOnlyDictionary<(string App, string Branch), ServiceCondition> found)
    {
        _found.Clear();
        foreach (var (key, condition) in found)
        {
            _found[key] = condition;
        }
    }

    /// <summary>True when the last look found the playground gone or stopped beyond restarting.</summary>
    public bool IsDown(string app, string branch) => _found.TryGetValue((app, branch), out var condition) && condition == ServiceCondition.Down;
}
