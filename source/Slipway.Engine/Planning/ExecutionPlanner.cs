using Slipway.Engine.Definition;

namespace Slipway.Engine.Planning;

/// <summary>Decides which targets a build runs, in which order, and which of them are skipped.</summary>
internal static class ExecutionPlanner
{
    public const string SkippedByOption = "skipped by --skip";
    public const string SkippedByCondition = "condition is false";

    /// <summary>Plans the build of <paramref name="invoked"/> among <paramref name="all"/> targets.</summary>
    /// <exception cref="UsageException">The targets' relations form a cycle.</exception>
    public static ExecutionPlan Plan(
        IReadOnlyCollection<ExecutableTarget> all,
        IReadOnlyList<ExecutableTarget> invoked,
        SkipRequest skip)
    {
        var triggeredBy = all
            .SelectMany(source => source.Triggers.Select(triggered => (source, triggered)))
            .ToLookup(pair => pair.triggered, pair => pair.source);

        IEnumerable<ExecutableTarget> WaitsFor(ExecutableTarget target) =>
            target.DependsOn.Concat(target.After).Concat(triggeredBy[target]);

        if (CycleFinder.Find(all, WaitsFor) is { } cycle)
        {
            throw new UsageException(
                $"The targets wait for each other in a cycle: {string.Join(" -> ", cycle)}; remove one of these relations.");
        }

        var skipReasons = new Dictionary<ExecutableTarget, string>();
        var included = Include(invoked, skipReasons);

        foreach (var target in included)
        {
            var skippedByOption = skip.Targets.Contains(target) || (skip.AllButInvoked && !invoked.Contains(target));
            if (skippedByOption)
            {
                skipReasons.TryAdd(target, SkippedByOption);
            }
        }

        var predecessors = included.ToDictionary(
            target => target,
            target => (IReadOnlyList<ExecutableTarget>)WaitsFor(target).Where(included.Contains).Distinct().ToList());

        return new ExecutionPlan(Order(included, predecessors), invoked, predecessors, skipReasons);
    }

    /// <summary>
    /// The invoked targets with everything they pull in. A target whose static condition is false stays in the plan
    /// as skipped but pulls in nothing, so its dependencies run only when something else needs them.
    /// </summary>
    private static HashSet<ExecutableTarget> Include(IEnumerable<ExecutableTarget> invoked, Dictionary<ExecutableTarget, string> skipReasons)
    {
        var included = new HashSet<ExecutableTarget>();
        var pending = new Stack<ExecutableTarget>(invoked.Reverse());
        while (pending.Count > 0)
        {
            var target = pending.Pop();
            if (!included.Add(target))
            {
                continue;
            }

            if (!target.StaticConditions.All(condition => condition()))
            {
                skipReasons[target] = SkippedByCondition;
                continue;
            }

            foreach (var next in target.DependsOn.Concat(target.Triggers))
            {
                pending.Push(next);
            }
        }

        return included;
    }

    private static List<ExecutableTarget> Order(
        HashSet<ExecutableTarget> included,
        Dictionary<ExecutableTarget, IReadOnlyList<ExecutableTarget>> predecessors)
    {
        var remaining = included.ToDictionary(target => target, target => predecessors[target].Count);
        var successors = included.ToDictionary(target => target, _ => new List<ExecutableTarget>());
        foreach (var (target, waitsFor) in predecessors)
        {
            foreach (var predecessor in waitsFor)
            {
                successors[predecessor].Add(target);
            }
        }

        var ready = new SortedSet<ExecutableTarget>(
            remaining.Where(pair => pair.Value == 0).Select(pair => pair.Key),
            Comparer<ExecutableTarget>.Create((left, right) => StringComparer.OrdinalIgnoreCase.Compare(left.Name, right.Name) switch
            {
                0 => StringComparer.Ordinal.Compare(left.Name, right.Name),
                var order => order,
            }));
        var ordered = new List<ExecutableTarget>(included.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            ordered.Add(next);
            foreach (var successor in successors[next])
            {
                if (--remaining[successor] == 0)
                {
                    ready.Add(successor);
                }
            }
        }

        return ordered;
    }
}
