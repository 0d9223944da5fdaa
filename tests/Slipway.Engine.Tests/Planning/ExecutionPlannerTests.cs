using Slipway.Engine.Planning;
using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Planning;

public class ExecutionPlannerTests
{
    private static IEnumerable<string> Names(ExecutionPlan plan) => plan.Targets.Select(target => target.Name);

    private static IEnumerable<string> Running(ExecutionPlan plan) =>
        plan.Targets.Where(target => plan.SkipReason(target) is null).Select(target => target.Name);

    [Fact]
    public void Plan_DependsOn_PullsInDependenciesAndOrdersThemFirst()
    {
        var set = new TargetSet().With("Restore", "Compile", "Test", "Unrelated")
            .DependsOn("Compile", "Restore").DependsOn("Test", "Compile");

        Names(set.Plan("Test")).Should().Equal("Restore", "Compile", "Test");
    }

    [Fact]
    public void Plan_DependentFor_IsNormalizedIntoADependency()
    {
        // DependentFor is stored on the other side by the factory; the planner sees it as DependsOn.
        var set = new TargetSet().With("Lint", "Build").DependsOn("Build", "Lint");

        Names(set.Plan("Build")).Should().Equal("Lint", "Build");
    }

    [Fact]
    public void Plan_After_OrdersWithoutPullingIn()
    {
        var set = new TargetSet().With("Clean", "Compile").After("Compile", "Clean");

        Names(set.Plan("Compile")).Should().Equal("Compile");
        Names(set.Plan("Compile", "Clean")).Should().Equal("Clean", "Compile");
    }

    [Fact]
    public void Plan_Triggers_PullsInTheTriggeredTargetAfterTheTrigger()
    {
        var set = new TargetSet().With("Deploy", "Notify").Triggers("Deploy", "Notify");

        Names(set.Plan("Deploy")).Should().Equal("Deploy", "Notify");
        Names(set.Plan("Notify")).Should().Equal("Notify");
    }

    [Fact]
    public void Plan_TriggeredTargetDependencies_ArePulledInToo()
    {
        var set = new TargetSet().With("Deploy", "Report", "Collect")
            .Triggers("Deploy", "Report").DependsOn("Report", "Collect");

        Names(set.Plan("Deploy")).Should().BeEquivalentTo("Deploy", "Report", "Collect");
        set.Plan("Deploy").PredecessorsOf(set["Report"]).Select(target => target.Name).Should().BeEquivalentTo("Deploy", "Collect");
    }

    [Fact]
    public void Plan_IndependentTargets_AreOrderedByNameForDeterminism()
    {
        var set = new TargetSet().With("Zeta", "alpha", "Mid", "Root")
            .DependsOn("Root", "Zeta", "alpha", "Mid");

        Names(set.Plan("Root")).Should().Equal("alpha", "Mid", "Zeta", "Root");
    }

    [Fact]
    public void Plan_Cycle_IsAUsageErrorNamingTheCycle()
    {
        var set = new TargetSet().With("Build", "Test").DependsOn("Build", "Test").DependsOn("Test", "Build");

        var plan = () => set.Plan("Build");

        plan.Should().Throw<UsageException>().WithMessage("*Build -> Test -> Build*");
    }

    [Fact]
    public void Plan_CycleThroughOrderingAndTriggers_IsDetectedToo()
    {
        var set = new TargetSet().With("A", "B", "C").After("B", "A").Triggers("B", "C").DependsOn("A", "C");

        var plan = () => set.Plan("A");

        plan.Should().Throw<UsageException>().WithMessage("*A -> C -> B -> A*");
    }

    [Fact]
    public void Plan_SkipNamedTargets_KeepsThemAsSkippedAndStillRunsTheirDependencies()
    {
        var set = new TargetSet().With("Restore", "Compile", "Test")
            .DependsOn("Compile", "Restore").DependsOn("Test", "Compile");

        var plan = set.Plan(set.Skipping("Compile"), "Test");

        plan.SkipReason(set["Compile"]).Should().Be(ExecutionPlanner.SkippedByOption);
        Running(plan).Should().Equal("Restore", "Test");
    }

    [Fact]
    public void Plan_BareSkip_SkipsEverythingButTheInvokedTargets()
    {
        var set = new TargetSet().With("Restore", "Compile", "Test")
            .DependsOn("Compile", "Restore").DependsOn("Test", "Compile");

        var plan = set.Plan(new SkipRequest(true, []), "Test");

        Running(plan).Should().Equal("Test");
    }

    [Fact]
    public void Plan_FalseStaticCondition_SkipsTheTargetAndDependenciesNothingElseNeeds()
    {
        var set = new TargetSet().With("Publish", "Pack", "Restore", "Test")
            .DependsOn("Publish", "Pack").DependsOn("Pack", "Restore").DependsOn("Test", "Restore");
        set["Publish"].StaticConditions.Add(() => false);

        var plan = set.Plan("Publish", "Test");

        plan.SkipReason(set["Publish"]).Should().Be(ExecutionPlanner.SkippedByCondition);
        Names(plan).Should().NotContain("Pack", "nothing but the skipped Publish needs it");
        Running(plan).Should().Equal("Restore", "Test");
    }

    [Fact]
    public void Plan_TrueStaticCondition_KeepsTheTarget()
    {
        var set = new TargetSet().With("Publish", "Pack").DependsOn("Publish", "Pack");
        set["Publish"].StaticConditions.Add(() => true);

        Running(set.Plan("Publish")).Should().Equal("Pack", "Publish");
    }

    [Fact]
    public void Plan_StaticConditions_AreEvaluatedAtPlanning_DynamicOnesAreNot()
    {
        var set = new TargetSet().With("Deploy");
        var staticEvaluations = 0;
        var dynamicEvaluations = 0;
        set["Deploy"].StaticConditions.Add(() => ++staticEvaluations > 0);
        set["Deploy"].DynamicConditions.Add(() => ++dynamicEvaluations > 0);

        set.Plan("Deploy");

        staticEvaluations.Should().Be(1);
        dynamicEvaluations.Should().Be(0);
    }

    [Fact]
    public void Waves_GroupTargetsThatCanRunAtTheSameTime()
    {
        var set = new TargetSet().With("Checkout", "Build", "Test", "Analyse", "Playground")
            .DependsOn("Build", "Checkout").DependsOn("Test", "Build").DependsOn("Analyse", "Build").DependsOn("Playground", "Build");

        var waves = set.Plan("Test", "Analyse", "Playground").Waves();

        waves.Select(wave => wave.Select(target => target.Name)).Should().BeEquivalentTo(
            new[] { new[] { "Checkout" }, ["Build"], ["Analyse", "Playground", "Test"] },
            options => options.WithStrictOrdering());
    }

    [Fact]
    public void Waves_SkippedTargetsTakeNoWave()
    {
        var set = new TargetSet().With("A", "B", "C").DependsOn("B", "A").DependsOn("C", "B");

        var waves = set.Plan(set.Skipping("B"), "C").Waves();

        waves.Select(wave => string.Join(",", wave.Select(target => target.Name))).Should().Equal("A", "C");
    }
}
