using Slipway.Aws.Runtime;
using Slipway.Engine;
using Slipway.Composition;
using Slipway.Pipeline.Tests.Aws.Fixtures;
using Slipway.Status;

namespace Slipway.Pipeline.Tests.Aws;

/// <summary>Which platform the composition wires in; no AWS call is made.</summary>
public sealed class PipelineCompositionOnAwsTests : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("slipway-composition-").FullName;

    [Fact]
    public void Composition_OnAws_RunsTasksOnFargateAndKeepsBuildsOnTheLocalEngine()
    {
        using var composition = new PipelineComposition(Options() with { Platform = PlatformChoice.Aws, Aws = AwsTestSettings.Valid, AwsClient = AwsTestSettings.ClientOptions() });

        composition.Services.Platform.Name.Should().Be("aws");
        composition.Services.BuildPlatform.Name.Should().Be("local");
    }

    [Fact]
    public void Composition_OnAutoWithACluster_RunsTasksOnFargate()
    {
        using var composition = new PipelineComposition(Options() with { Aws = AwsTestSettings.Valid, AwsClient = AwsTestSettings.ClientOptions() });

        composition.Services.Platform.Name.Should().Be("aws");
    }

    [Fact]
    public void Composition_OnAutoWithoutAwsSettings_RunsEverythingOnTheLocalEngine()
    {
        using var composition = new PipelineComposition(Options());

        composition.Services.Platform.Name.Should().Be("local");
        composition.Services.BuildPlatform.Should().BeSameAs(composition.Services.Platform);
    }

    [Fact]
    public void Composition_OnAwsWithOneSettingMissing_FailsWithTheSameSummaryLineAsSeveralProblems()
    {
        var create = () => new PipelineComposition(Options() with
        {
            Platform = PlatformChoice.Aws,
            Aws = AwsTestSettings.Valid with { EcrRepository = "" },
            AwsClient = AwsTestSettings.ClientOptions(),
        });

        create.Should().Throw<BuildFailedException>()
            .WithMessage("The AWS platform cannot start: fix the problem above in .nuke/parameters.aws.json or with the --aws-* options (docs/aws.md describes each).");
    }

    [Fact]
    public void Composition_OnAwsWithSettingsAndCredentialsMissing_FailsBeforeAnyWorkAndPointsAtTheProblems()
    {
        var create = () => new PipelineComposition(Options() with
        {
            Platform = PlatformChoice.Aws,
            Aws = AwsTestSettings.Valid with { Cluster = "" },
            AwsClient = new AwsClientOptions { Profile = "slipway-no-such-profile-" + Guid.NewGuid().ToString("N")[..8], EnvironmentVariable = _ => null },
        });

        create.Should().Throw<BuildFailedException>()
            .WithMessage("The AWS platform cannot start: fix the 2 problems above in .nuke/parameters.aws.json or with the --aws-* options (docs/aws.md describes each).");
    }

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    private CompositionOptions Options() => new(RepositoryRootPath, _workDirectory, new ConsoleStatusReporter(TextWriter.Null));

    private static string RepositoryRootPath => Slipway.Pipeline.Tests.Fixtures.RepositoryRoot.Path;
}
