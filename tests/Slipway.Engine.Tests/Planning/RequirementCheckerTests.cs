using Slipway.Engine.Definition;
using Slipway.Engine.Planning;
using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Planning;

public class RequirementCheckerTests
{
    private static TargetRequirement Unmet(string text) => new(() => text, Member: null, () => false);

    [Fact]
    public void Check_UnmetRequirementOfATargetThatRuns_IsAUsageError()
    {
        var set = new TargetSet().With("Deploy");
        set["Deploy"].Requirements.Add(Unmet("Approved"));

        var check = () => RequirementChecker.Check(set.Plan("Deploy"), []);

        check.Should().Throw<UsageException>().WithMessage("Target Deploy requires Approved, which is false.");
    }

    [Fact]
    public void Check_UnmetRequirementOfASkippedTarget_IsIgnored()
    {
        var set = new TargetSet().With("Deploy", "Test").DependsOn("Test", "Deploy");
        set["Deploy"].Requirements.Add(Unmet("Approved"));

        var check = () => RequirementChecker.Check(set.Plan(set.Skipping("Deploy"), "Test"), []);

        check.Should().NotThrow();
    }

    [Fact]
    public void Check_UnmetRequirementOfATargetNotInThePlan_IsIgnored()
    {
        var set = new TargetSet().With("Deploy", "Test");
        set["Deploy"].Requirements.Add(Unmet("Approved"));

        var check = () => RequirementChecker.Check(set.Plan("Test"), []);

        check.Should().NotThrow();
    }
}
