using System.Linq.Expressions;

namespace Slipway.Engine.Definition;

/// <summary>Collects what a <see cref="Target"/> delegate declares; <see cref="ExecutableTargetFactory"/> turns it into a target.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }

    public List<Target> DependsOnTargets { get; } = [];

    public List<Target> DependentForTargets { get; } = [];

    public List<Target> AfterTargets { get; } = [];

    public List<Target> BeforeTargets { get; } = [];

    public List<Target> TriggersTargets { get; } = [];

    public List<Target> TriggeredByTargets { get; } = [];

    public List<Func<bool>> StaticConditions { get; } = [];

    public List<Func<bool>> DynamicConditions { get; } = [];

    public List<TargetRequirement> Requirements { get; } = [];

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public bool ProceedsAfterFailure { get; private set; }

    public bool IsAssuredAfterFailure { get; private set; }

    public bool IsUnlisted { get; private set; }

    public bool OwnsStandardOutput { get; private set; }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => AddTo(DependsOnTargets, targets);

    public ITargetDefinition DependentFor(params Target[] targets) => AddTo(DependentForTargets, targets);

    public ITargetDefinition After(params Target[] targets) => AddTo(AfterTargets, targets);

    public ITargetDefinition Before(params Target[] targets) => AddTo(BeforeTargets, targets);

    public ITargetDefinition Triggers(params Target[] targets) => AddTo(TriggersTargets, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) => AddTo(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions)
    {
        StaticConditions.AddRange(conditions);
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions)
    {
        DynamicConditions.AddRange(conditions);
        return this;
    }

    public ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters)
    {
        foreach (var parameter in parameters)
        {
            var access = ExpressionReader.AsMemberAccess(parameter);
            Expression read = access ?? parameter.Body;
            Requirements.Add(new TargetRequirement(
                () => access?.Member.Name ?? ExpressionReader.Describe(parameter),
                access?.Member,
                () => HasValue(ExpressionReader.Evaluate(read))));
        }

        return this;
    }

    public ITargetDefinition Requires(params Expression<Func<bool>>[] conditions)
    {
        foreach (var condition in conditions)
        {
            var body = condition.Body;
            Requirements.Add(new TargetRequirement(
                () => ExpressionReader.Describe(condition),
                Member: null,
                () => ExpressionReader.Evaluate(body) is true));
        }

        return this;
    }

    public ITargetDefinition Requires(Func<bool> condition, string whatToDo)
    {
        Requirements.Add(new TargetRequirement(() => whatToDo, Member: null, condition) { IsAdvice = true });
        return this;
    }

    public ITargetDefinition Validates(Func<string?> problem)
    {
        string? found = null;
        Requirements.Add(new TargetRequirement(() => found ?? string.Empty, Member: null, () => (found = problem()) is null) { IsSentence = true });
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        ProceedsAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition WritesStandardOutput()
    {
        OwnsStandardOutput = true;
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);

        // A synchronous action gets a thread of its own so that it never starves targets running beside it.
        Actions.Add(_ => Task.Factory.StartNew(
            action,
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(action);
        return this;
    }

    private static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        Array array => array.Length > 0,
        _ => true,
    };

    private TargetDefinition AddTo(List<Target> list, Target[] targets)
    {
        list.AddRange(targets);
        return this;
    }
}
