using Slipway.Engine.Definition;
using Slipway.Engine.Planning;

namespace Slipway.Engine.Tests.Fixtures;

/// <summary>Targets built by hand, without a build class or reflection, and planned by name.</summary>
internal sealed class TargetSet
{
    private readonly List<ExecutableTarget> targets = [];

    public IReadOnlyList<ExecutableTarget> All => targets;

    public ExecutableTarget this[string name] => targets.Single(target => target.Name == name);

    /// <summary>Adds targets that do nothing when they run.</summary>
    public TargetSet With(params string[] names)
    {
        foreach (var name in names)
        {
            targets.Add(new ExecutableTarget(name));
        }

        return this;
    }

    public TargetSet DependsOn(string name, params string[] dependencies)
    {
        this[name].DependsOn.AddRange(dependencies.Select(dependency => this[dependency]));
        return this;
    }

    public TargetSet After(string name, params string[] others)
    {
        this[name].After.AddRange(others.Select(other => this[other]));
        return this;
    }

    public TargetSet Triggers(string name, params string[] others)
    {
        this[name].Triggers.AddRange(others.Select(other => this[other]));
        return this;
    }

    public TargetSet Does(string name, Func<CancellationToken, Task> action)
    {
        this[name].Actions.Add(action);
        return this;
    }

    public TargetSet Does(string name, Action action) => Does(name, _ =>
    {
        action();
        return Task.CompletedTask;
    });

    public ExecutionPlan Plan(params string[] invoked) => Plan(SkipRequest.None, invoked);

    public ExecutionPlan Plan(SkipRequest skip, params string[] invoked) =>
        ExecutionPlanner.Plan(targets, invoked.Select(name => this[name]).ToList(), skip);

    public SkipRequest Skipping(params string[] names) => new(false, names.Select(name => this[name]).ToList());
}
