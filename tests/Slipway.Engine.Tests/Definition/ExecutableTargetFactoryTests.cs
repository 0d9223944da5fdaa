using Slipway.Engine.Definition;

namespace Slipway.Engine.Tests.Definition;

public class ExecutableTargetFactoryTests
{
    private static IReadOnlyList<ExecutableTarget> Create(params (string Name, Target Target)[] targets) =>
        ExecutableTargetFactory.Create(targets.Select(pair => new KeyValuePair<string, Target>(pair.Name, pair.Target)).ToList());

    [Fact]
    public void Create_InverseRelations_AreStoredOnTheOtherTarget()
    {
        Target build = _ => _;
        Target lint = _ => _.DependentFor(build);
        Target clean = _ => _.Before(build);
        Target notify = _ => _.TriggeredBy(build);

        var targets = Create(("Build", build), ("Lint", lint), ("Clean", clean), ("Notify", notify));

        var target = targets[0];
        target.DependsOn.Select(other => other.Name).Should().Equal("Lint");
        target.After.Select(other => other.Name).Should().Equal("Clean");
        target.Triggers.Select(other => other.Name).Should().Equal("Notify");
    }

    [Fact]
    public void Create_TargetReadTwiceFromTheSameBuild_IsRecognisedAsTheSameTarget()
    {
        var build = new Fixtures.SampleBuild();
        var declared = Slipway.Engine.Hosting.TargetDiscovery.Find(build);

        var targets = ExecutableTargetFactory.Create(declared);

        targets.Single(target => target.Name == "Compile").DependsOn.Should().ContainSingle().Which.Name.Should().Be("Restore");
    }

    [Fact]
    public void Create_ReferenceToATargetThatIsNotDeclared_IsAUsageError()
    {
        Target stray = _ => _;
        Target build = _ => _.DependsOn(stray);

        var create = () => Create(("Build", build));

        create.Should().Throw<UsageException>().WithMessage("Target Build refers to a target that is not a property of the build*");
    }

    [Fact]
    public void Create_DescriptionFlagsAndActions_AreKeptInOrder()
    {
        var calls = new List<string>();
        Target deploy = _ => _
            .Description("Ships it.")
            .ProceedAfterFailure()
            .AssuredAfterFailure()
            .Unlisted()
            .Executes(() => calls.Add("sync"))
            .Executes(() => Task.Run(() => calls.Add("async")))
            .Executes(token => Task.Run(() => calls.Add("cancellable"), token));

        var target = Create(("Deploy", deploy)).Single();

        target.Description.Should().Be("Ships it.");
        (target.ProceedAfterFailure, target.AssuredAfterFailure, target.IsListed).Should().Be((true, true, false));
        target.Actions.Should().HaveCount(3);
    }

    [Fact]
    public async Task Create_Actions_RunInTheOrderTheyWereAdded()
    {
        var calls = new List<string>();
        Target deploy = _ => _
            .Executes(() => calls.Add("sync"))
            .Executes(() => Task.Run(() => calls.Add("async")))
            .Executes(token => Task.Run(() => calls.Add("cancellable"), token));

        foreach (var action in Create(("Deploy", deploy)).Single().Actions)
        {
            await action(CancellationToken.None);
        }

        calls.Should().Equal("sync", "async", "cancellable");
    }

    [Fact]
    public void Requires_ReadsTheParameterWhenChecked_NotWhenDefined()
    {
        string? branch = null;
        Target playground = _ => _.Requires(() => branch);
        var requirement = Create(("Playground", playground)).Single().Requirements.Single();

        requirement.IsParameter.Should().BeTrue();
        requirement.IsMet().Should().BeFalse();
        branch = "demo";
        requirement.IsMet().Should().BeTrue();
    }

    [Fact]
    public void Requires_Condition_IsDescribedAsWritten()
    {
        var retries = 0;
        Target deploy = _ => _.Requires(() => retries > 1);

        var requirement = Create(("Deploy", deploy)).Single().Requirements.Single();

        requirement.IsParameter.Should().BeFalse();
        requirement.Text.Should().Be("retries > 1");
        requirement.IsMet().Should().BeFalse();
    }

    [Fact]
    public void Requires_ConditionThatThrows_ShowsItsOwnSentence_NotReflectionsWrapper()
    {
        Func<bool> versionIsValid = () => throw new BuildFailedException("--version 'x' is not a version: pass one like 1.4.0.");
        Target deploy = _ => _.Requires(() => versionIsValid());

        var requirement = Create(("Deploy", deploy)).Single().Requirements.Single();

        FluentActions.Invoking(() => requirement.IsMet()).Should().Throw<BuildFailedException>()
            .WithMessage("--version 'x' is not a version: pass one like 1.4.0.");
    }

    [Fact]
    public void Requires_WithAdvice_ReadsTheConditionWhenCheckedAndShowsTheAdvice()
    {
        var all = false;
        Target teardown = _ => _.Requires(() => all, "pass --branch <name>, or --all");
        var requirement = Create(("Teardown", teardown)).Single().Requirements.Single();

        requirement.IsAdvice.Should().BeTrue();
        requirement.Text.Should().Be("pass --branch <name>, or --all");
        requirement.IsMet().Should().BeFalse();
        all = true;
        requirement.IsMet().Should().BeTrue();
    }
}
