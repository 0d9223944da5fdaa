using Slipway.Engine.Definition;

namespace Slipway.Engine.Planning;

/// <summary>Finds a cycle among the targets' relations (depends on, after, triggered by), deterministically.</summary>
internal static class CycleFinder
{
    /// <summary>The targets of a cycle with the first repeated at the end, e.g. Build, Test, Build; null when there is none.</summary>
    public static IReadOnlyList<ExecutableTarget>? Find(
        IEnumerable<ExecutableTarget> targets,
        Func<ExecutableTarget, IEnumerable<ExecutableTarget>> edges)
    {
        var state = new Dictionary<ExecutableTarget, bool>(); // false: on the current path, true: finished
        var path = new List<ExecutableTarget>();

        IReadOnlyList<ExecutableTarget>? Visit(ExecutableTarget target)
        {
            if (state.TryGetValue(target, out var finished))
            {
                if (finished)
                {
                    return null;
                }

                var start = path.IndexOf(target);
                return [.. path.Skip(start), target];
            }

            state[target] = false;
            path.Add(target);
            foreach (var next in edges(target).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[target] = true;
            return null;
        }

        foreach (var target in targets.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (Visit(target) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}
