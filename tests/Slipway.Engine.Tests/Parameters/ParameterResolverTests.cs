using Slipway.Engine.Parameters;
using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Parameters;

public sealed class ParameterResolverTests : IDisposable
{
    private readonly TemporaryRoot root = new();
    private readonly Dictionary<string, string> environment = [];
    private object? value = "initial";

    public void Dispose() => root.Dispose();

    private ParameterDescriptor Parameter(string name = "Branch", Type? type = null, bool secret = false, bool builtIn = false) => new()
    {
        Name = name,
        Description = string.Empty,
        Type = type ?? typeof(string),
        GetValue = () => value,
        SetValue = newValue => value = newValue,
        IsSecret = secret,
        IsBuiltIn = builtIn,
    };

    private ParameterSource Resolve(ParameterDescriptor parameter, string[]? args = null, string[]? profiles = null)
    {
        var resolver = new ParameterResolver(CommandLineArguments.Parse(args ?? []), environment, root.Path);
        resolver.LoadFiles(root.NukeDirectory, profiles ?? []);
        return resolver.Apply(parameter);
    }

    [Fact]
    public void Apply_WithAllFiveSources_CommandLineWins()
    {
        environment["SLIPWAY_BRANCH"] = "from-environment";
        root.WriteParameters("parameters.json", """{ "Branch": "from-parameters" }""")
            .WriteParameters("parameters.ci.json", """{ "Branch": "from-profile" }""");

        var source = Resolve(Parameter(), ["--branch", "from-command-line"], ["ci"]);

        value.Should().Be("from-command-line");
        source.Kind.Should().Be(ParameterSourceKind.CommandLine);
    }

    [Fact]
    public void Apply_WithoutCommandLine_EnvironmentWinsOverFiles()
    {
        environment["SLIPWAY_BRANCH"] = "from-environment";
        root.WriteParameters("parameters.json", """{ "Branch": "from-parameters" }""")
            .WriteParameters("parameters.ci.json", """{ "Branch": "from-profile" }""");

        var source = Resolve(Parameter(), profiles: ["ci"]);

        value.Should().Be("from-environment");
        source.ToString().Should().Be("environment variable SLIPWAY_BRANCH");
    }

    [Fact]
    public void Apply_WithoutEnvironment_ProfileWinsOverParametersJson()
    {
        root.WriteParameters("parameters.json", """{ "Branch": "from-parameters" }""")
            .WriteParameters("parameters.ci.json", """{ "Branch": "from-profile" }""");

        var source = Resolve(Parameter(), profiles: ["ci"]);

        value.Should().Be("from-profile");
        source.Detail.Should().Be("parameters.ci.json");
    }

    [Fact]
    public void Apply_SeveralProfiles_TheLaterOneWins()
    {
        root.WriteParameters("parameters.a.json", """{ "Branch": "from-a" }""")
            .WriteParameters("parameters.b.json", """{ "Branch": "from-b" }""");

        Resolve(Parameter(), profiles: ["a", "b"]);

        value.Should().Be("from-b");
    }

    [Fact]
    public void Apply_OnlyParametersJson_UsesIt()
    {
        root.WriteParameters("parameters.json", """{ "$schema": "./build.schema.json", "branch": "from-parameters" }""");

        var source = Resolve(Parameter());

        value.Should().Be("from-parameters");
        source.Kind.Should().Be(ParameterSourceKind.ParametersFile);
    }

    [Fact]
    public void Apply_NoSource_KeepsTheInitialValue()
    {
        var source = Resolve(Parameter());

        value.Should().Be("initial");
        source.Should().Be(ParameterSource.Default);
    }

    [Theory]
    [InlineData("--max-parallel")]
    [InlineData("--MaxParallel")]
    [InlineData("--max_parallel")]
    [InlineData("--MAX-PARALLEL")]
    public void Apply_CommandLineName_IgnoresCaseAndDashes(string option)
    {
        Resolve(Parameter("MaxParallel", typeof(int)), [option, "3"]);

        value.Should().Be(3);
    }

    [Theory]
    [InlineData("SLIPWAY_MAX_PARALLEL")]
    [InlineData("SLIPWAY_MaxParallel")]
    [InlineData("MaxParallel")]
    [InlineData("MAXPARALLEL")]
    [InlineData("MAX_PARALLEL")]
    public void Apply_EnvironmentNames_AreTheNameOrSlipwayPrefixed(string variable)
    {
        environment[variable] = "5";

        Resolve(Parameter("MaxParallel", typeof(int)));

        value.Should().Be(5);
    }

    [Fact]
    public void Apply_EngineOption_IgnoresUnprefixedEnvironmentVariables()
    {
        environment["TARGET"] = "Deploy";

        var source = Resolve(Parameter("Target", typeof(string[]), builtIn: true));

        source.Should().Be(ParameterSource.Default);
    }

    [Fact]
    public void Apply_BareFlag_IsTrue()
    {
        Resolve(Parameter("Sequential", typeof(bool)), ["--sequential"]);

        value.Should().Be(true);
    }

    [Fact]
    public void Apply_Array_TakesTheValuesUpToTheNextOption()
    {
        Resolve(Parameter("Skip", typeof(string[])), ["Test", "--skip", "Restore", "Compile", "--verbosity", "quiet"]);

        value.Should().BeEquivalentTo(new[] { "Restore", "Compile" }, options => options.WithStrictOrdering());
    }

    [Fact]
    public void Apply_ArrayFromEnvironmentAndJson_AreSplitIntoItems()
    {
        environment["SLIPWAY_SKIP"] = "Restore Compile";
        Resolve(Parameter("Skip", typeof(string[])));
        value.Should().BeEquivalentTo(new[] { "Restore", "Compile" });

        environment.Clear();
        root.WriteParameters("parameters.json", """{ "Skip": ["Lint", "Test"] }""");
        Resolve(Parameter("Skip", typeof(string[])));
        value.Should().BeEquivalentTo(new[] { "Lint", "Test" });
    }

    [Fact]
    public void Apply_JsonNumbersAndBooleans_Convert()
    {
        root.WriteParameters("parameters.json", """{ "Retries": 4, "DryRun": true }""");

        Resolve(Parameter("Retries", typeof(int)));
        value.Should().Be(4);
        Resolve(Parameter("DryRun", typeof(bool)));
        value.Should().Be(true);
    }

    [Fact]
    public void Apply_Enum_IgnoresCase()
    {
        Resolve(Parameter("Verbosity", typeof(Verbosity)), ["--verbosity", "QUIET"]);

        value.Should().Be(Verbosity.Quiet);
    }

    [Fact]
    public void Apply_AbsolutePath_IsResolvedAgainstTheWorkingDirectory()
    {
        Resolve(Parameter("Output", typeof(AbsolutePath)), ["--output", "out/site"]);

        value.Should().Be(root.Path / "out" / "site");
    }

    [Fact]
    public void Apply_MissingProfileFile_IsAUsageErrorNamingTheFile()
    {
        var resolve = () => Resolve(Parameter(), profiles: ["staging"]);

        resolve.Should().Throw<UsageException>().WithMessage("Profile 'staging' has no parameters file: create *parameters.staging.json*");
    }

    [Fact]
    public void Apply_InvalidJson_IsAUsageErrorNamingTheFile()
    {
        root.WriteParameters("parameters.json", "{ \"Branch\": ");

        var resolve = () => Resolve(Parameter());

        resolve.Should().Throw<UsageException>().WithMessage("*parameters.json is not valid JSON*");
    }
}
