using Slipway.Engine.Hosting;

namespace Slipway.Engine.Tests.Fixtures;

/// <summary>Runs <see cref="SampleBuild"/> through the whole engine in a temporary root, with an injected environment.</summary>
internal sealed class RunnerFixture : IDisposable
{
    private readonly TemporaryRoot root = new();
    private StringWriter output = new();
    private StringWriter error = new();

    public Dictionary<string, string> Environment { get; } = [];

    public CancellationTokenSource Cancellation { get; } = new();

    public SampleBuild Build { get; private set; } = new();

    /// <summary>Runs the build as if it owned the process (its console shows lines logged anywhere).</summary>
    public bool OwnsProcess { get; set; }

    public AbsolutePath Root => root.Path;

    public string Output => output.ToString();

    public string Error => error.ToString();

    public int Run(params string[] args) => RunWith(new SampleBuild(), args);

    public int RunWith(SampleBuild build, params string[] args)
    {
        Build = build;
        output = new StringWriter();
        error = new StringWriter();
        var host = new BuildHost
        {
            Environment = Environment,
            WorkingDirectory = root.Path,
            RootSearchStarts = [root.Path],
            Out = TextWriter.Synchronized(output),
            Error = TextWriter.Synchronized(error),
            Cancellation = Cancellation.Token,
            OwnsProcess = OwnsProcess,
        };
        return new BuildRunner(host).RunAsync(() => build, args, ["Compile"]).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Cancellation.Dispose();
        root.Dispose();
    }
}
