using Slipway.Engine.Definition;

namespace Slipway.Engine.Planning;

/// <summary>The targets of one build, in a deterministic order, with what each waits for and which are skipped.</summary>
internal sealed class ExecutionPlan
{
    private readonly Dictionary<ExecutableTarget, IReadOnlyList<ExecutableTarget>> predecessors;
    private readonly Dictionary<ExecutableTarget, string> skipReasons;

    public ExecutionPlan(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<ExecutableTarget> invoked,
        Dictionary<ExecutableTarget, IReadOnlyList<ExecutableTarget>> predecessors,
        Dictionary<ExecutableTarget, string> skipReasons)
    {
        Targets = targets;
        Invoked = invoked;
        this.predecessors = predecessors;
        this.skipReasons = skipReasons;
    }

    /// <summary>Every target of the build, each after everything it waits for; ties broken by name.</summary>
    public IReadOnlyList<ExecutableTarget> Targets { get; }

    /// <summary>The targets asked for on the command line (or the defaults).</summary>
    public IReadOnlyList<ExecutableTarget> Invoked { get; }

    /// <summary>The targets of this plan that <paramref name="target"/> waits for.</summary>
    public IReadOnlyList<ExecutableTarget> PredecessorsOf(ExecutableTarget target) => predecessors[target];

    /// <summary>Why the target is skipped, or null when it is meant to run.</summary>
    public string? SkipReason(ExecutableTarget target) => skipReasons.GetValueOrDefault(target);

    /// <summary>Marks a target to be skipped (e.g. it succeeded in the last identical invocation).</summary>
    public void Skip(ExecutableTarget target, string reason) => skipReasons.TryAdd(target, reason);

    /// <summary>
    /// Groups the targets that would run into waves: each wave's targets can run at the same time once the
    /// waves before it have finished. Skipped targets take no wave.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ExecutableTarget>> Waves()
    {
        var level = new Dictionary<ExecutableTarget, int>();
        var waves = new List<List<ExecutableTarget>>();
        foreach (var target in Targets)
        {
            var runs = SkipReason(target) is null;
            var ownLevel = 0;
            foreach (var predecessor in predecessors[target])
            {
                var after = level[predecessor] + (SkipReason(predecessor) is null ? 1 : 0);
                ownLevel = Math.Max(ownLevel, after);
            }

            level[target] = ownLevel;
            if (!runs)
            {
                continue;
            }

            while (waves.Count <= ownLevel)
            {
                waves.Add([]);
            }

            waves[ownLevel].Add(target);
        }

        return waves.Where(wave => wave.Count > 0).ToList();
    }
}
