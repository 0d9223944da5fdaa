using System.Text;
using Slipway.Engine.Hosting;
using Slipway.Engine.Tests.Fixtures;

namespace Slipway.Engine.Tests.Hosting;

/// <summary>
/// A target whose product is its standard output (<c>Run -- cat x &gt; file</c>): only what it writes there reaches
/// standard output; the engine's log and summary go to standard error. Other builds print as before.
/// </summary>
public sealed class StandardOutputTargetTests : IDisposable
{
    private static readonly byte[] Product = Encoding.UTF8.GetBytes("line one\nzweite Zeile äöü €\nno line ending");

    private readonly TemporaryRoot root = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly MemoryStream standardOutput = new();

    public void Dispose()
    {
        root.Dispose();
        standardOutput.Dispose();
    }

    [Fact]
    public void Run_TargetThatWritesStandardOutput_LeavesStandardOutputToItsProduct_AndTheEngineSpeaksOnStandardError()
    {
        var exitCode = Run("Print");

        exitCode.Should().Be(ExitCodes.Success);
        standardOutput.ToArray().Should().Equal(Product);
        output.ToString().Should().BeEmpty("the engine writes nothing of its own where the product goes");
        error.ToString().Should().Contain("printing the product").And.Contain("Build succeeded on ");
    }

    [Fact]
    public void Run_TargetThatWritesStandardOutput_PulledInByAnother_StillMovesTheEnginesLinesToStandardError()
    {
        Run("AfterPrint").Should().Be(ExitCodes.Success);

        standardOutput.ToArray().Should().Equal(Product);
        output.ToString().Should().BeEmpty();
        error.ToString().Should().Contain("after the product");
    }

    [Fact]
    public void Run_OtherTargets_PrintOnStandardOutputAsBefore_AndGetNoStream()
    {
        Run("Plain").Should().Be(ExitCodes.Success);

        output.ToString().Should().Contain("plain target, stream: none").And.Contain("Build succeeded on ");
        error.ToString().Should().BeEmpty();
        standardOutput.Length.Should().Be(0);
    }

    private int Run(params string[] args)
    {
        var host = new BuildHost
        {
            Environment = new Dictionary<string, string>(),
            WorkingDirectory = root.Path,
            RootSearchStarts = [root.Path],
            Out = TextWriter.Synchronized(output),
            Error = TextWriter.Synchronized(error),
            StandardOutput = standardOutput,
        };
        return new BuildRunner(host).RunAsync(() => new PrintingBuild(), args, []).GetAwaiter().GetResult();
    }

    private sealed class PrintingBuild : SlipwayBuild
    {
        Target Print => _ => _
            .WritesStandardOutput()
            .Executes(() =>
            {
                Log.Information("printing the product");
                StandardOutput!.Write(Product);
            });

        Target AfterPrint => _ => _
            .DependsOn(Print)
            .Executes(() => Log.Information("after the product"));

        Target Plain => _ => _
            .Executes(() => Log.Information($"plain target, stream: {(StandardOutput is null ? "none" : "given")}"));
    }
}
