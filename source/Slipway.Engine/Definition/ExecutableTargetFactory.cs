namespace Slipway.Engine.Definition;

/// <summary>Turns the build's <see cref="Target"/> delegates into <see cref="ExecutableTarget"/>s with resolved relations.</summary>
internal static class ExecutableTargetFactory
{
    /// <summary>Creates the targets, in the order given.</summary>
    /// <param name="declared">Each target's name and the delegate that defines it.</param>
    /// <exception cref="UsageException">A target refers to a delegate that is not one of <paramref name="declared"/>.</exception>
    public static IReadOnlyList<ExecutableTarget> Create(IReadOnlyList<KeyValuePair<string, Target>> declared)
    {
        var targets = declared.Select(pair => new ExecutableTarget(pair.Key)).ToList();
        var definitions = declared.Select(pair => Define(pair.Value)).ToList();

        ExecutableTarget Resolve(string owner, Target target)
        {
            // Each read of a target property creates a new delegate; delegates of the same lambda on the same
            // build compare equal, which is how references between targets are recognised.
            for (var index = 0; index < declared.Count; index++)
            {
                if (declared[index].Value.Equals(target))
                {
                    return targets[index];
                }
            }

            throw new UsageException(
                $"Target {owner} refers to a target that is not a property of the build; declare it as `Target Name => _ => _...`.");
        }

        for (var index = 0; index < targets.Count; index++)
        {
            var target = targets[index];
            var definition = definitions[index];
            target.Description = definition.DescriptionText;
            target.IsListed = !definition.IsUnlisted;
            target.OwnsStandardOutput = definition.OwnsStandardOutput;
            target.ProceedAfterFailure = definition.ProceedsAfterFailure;
            target.AssuredAfterFailure = definition.IsAssuredAfterFailure;
            target.StaticConditions.AddRange(definition.StaticConditions);
            target.DynamicConditions.AddRange(definition.DynamicConditions);
            target.Requirements.AddRange(definition.Requirements);
            target.Actions.AddRange(definition.Actions);

            foreach (var other in definition.DependsOnTargets.Select(t => Resolve(target.Name, t)))
            {
                AddOnce(target.DependsOn, other);
            }

            foreach (var other in definition.DependentForTargets.Select(t => Resolve(target.Name, t)))
            {
                AddOnce(other.DependsOn, target);
            }

            foreach (var other in definition.AfterTargets.Select(t => Resolve(target.Name, t)))
            {
                AddOnce(target.After, other);
            }

            foreach (var other in definition.BeforeTargets.Select(t => Resolve(target.Name, t)))
            {
                AddOnce(other.After, target);
            }

            foreach (var other in definition.TriggersTargets.Select(t => Resolve(target.Name, t)))
            {
                AddOnce(target.Triggers, other);
            }

            foreach (var other in definition.TriggeredByTargets.Select(t => Resolve(target.Name, t)))
            {
                AddOnce(other.Triggers, target);
            }
        }

        return targets;
    }

    private static TargetDefinition Define(Target target)
    {
        var definition = new TargetDefinition();
        target(definition);
        return definition;
    }

    private static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target))
        {
            list.Add(target);
        }
    }
}
