using System.Linq.Expressions;

namespace Slipway.Engine;

/// <summary>Describes a target: what it needs, when it runs and what it does. Every method returns the same definition, for chaining.</summary>
public interface ITargetDefinition
{
    /// <summary>The one-line description shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>These targets run first, and are pulled into the build when this one runs.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>This target runs first, and is pulled into the build when any of these runs.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>When these targets are part of the build, this one runs after them (without pulling them in).</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>When these targets are part of the build, this one runs before them (without pulling them in).</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>These targets run afterwards whenever this one is part of the build.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>This target runs afterwards whenever any of these is part of the build.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>
    /// Conditions evaluated while planning: when one is false, the target is skipped, and so are its
    /// dependencies that nothing else in the build needs.
    /// </summary>
    ITargetDefinition OnlyWhenStatic(params Func<bool>[] conditions);

    /// <summary>Conditions evaluated just before the target would run: when one is false, the target is skipped.</summary>
    ITargetDefinition OnlyWhenDynamic(params Func<bool>[] conditions);

    /// <summary>
    /// Parameters that must have a value before anything runs, e.g. <c>Requires(() =&gt; Branch)</c>; a missing one is a
    /// usage error naming how to pass it.
    /// </summary>
    ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters);

    /// <summary>Conditions that must hold before anything runs; a false one is a usage error that shows the condition.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] conditions);

    /// <summary>
    /// A condition that must hold before anything runs; when it does not, the usage error is
    /// <paramref name="whatToDo"/>, e.g. <c>Requires(() =&gt; Branch != null || All, "pass --branch &lt;name&gt;, or --all")</c>.
    /// </summary>
    ITargetDefinition Requires(Func<bool> condition, string whatToDo);

    /// <summary>
    /// A check of the parameters' values made before anything runs: <paramref name="problem"/> returns null when they
    /// are fine, or the one sentence that names what to fix, which ends the build as a usage error (exit code 2).
    /// </summary>
    ITargetDefinition Validates(Func<string?> problem);

    /// <summary>When this target fails, the targets that do not depend on it still run (the build still fails).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after another target failed or the build was cancelled: use it for clean-up.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from <c>--help</c>; it can still be invoked by name.</summary>
    ITargetDefinition Unlisted();

    /// <summary>
    /// The target's product is what it writes to <see cref="SlipwayBuild.StandardOutput"/> (a command's output): when it
    /// is part of the build, the engine's own lines (log, progress, summary) go to standard error, so that
    /// <c>./build.sh Target … &gt; file</c> holds exactly that product.
    /// </summary>
    ITargetDefinition WritesStandardOutput();

    /// <summary>Adds work to the target; actions run in the order they were added.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds asynchronous work to the target; actions run in the order they were added.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds asynchronous work that receives a token cancelled on Ctrl+C or SIGTERM.</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
