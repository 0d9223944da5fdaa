using Slipway.Engine.Parameters;

namespace Slipway.Engine.Tests.Parameters;

public class CommandLineArgumentsTests
{
    [Fact]
    public void Parse_WordsBeforeTheFirstOption_AreTargets()
    {
        var arguments = CommandLineArguments.Parse(["Playground", "Test", "--branch", "demo"]);

        arguments.Targets.Should().Equal("Playground", "Test");
        arguments.Find("Branch")!.Values.Should().Equal("demo");
    }

    [Fact]
    public void Parse_WordAfterAFlag_IsATargetUnlessItIsABoolean()
    {
        var arguments = CommandLineArguments.Parse(["--plan", "Test", "--sequential", "false"], key => key is "plan" or "sequential");

        arguments.Targets.Should().Equal("Test");
        arguments.Find("plan")!.Values.Should().BeEmpty();
        arguments.Find("sequential")!.Values.Should().Equal("false");
    }

    [Fact]
    public void Parse_NameEqualsValue_AndShortHelp_AreUnderstood()
    {
        var arguments = CommandLineArguments.Parse(["--max-parallel=3", "-h"]);

        arguments.Find("MaxParallel")!.Values.Should().Equal("3");
        arguments.Find("help").Should().NotBeNull();
    }

    [Fact]
    public void Parse_RepeatedOption_CollectsAllValues()
    {
        var arguments = CommandLineArguments.Parse(["--skip", "A", "--skip", "B"]);

        arguments.Find("skip")!.Values.Should().Equal("A", "B");
    }
}
