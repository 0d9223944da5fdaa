using System.Collections.Concurrent;

namespace Slipway.Engine.Tests.Fixtures;

/// <summary>A small build like the real one, for tests that go through the whole engine.</summary>
internal sealed class SampleBuild : SlipwayBuild
{
    public enum Platforms
    {
        Local,
        Aws,
    }

    [Parameter("The branch to build.")]
    public string? Branch = null;

    [Parameter("The API token."), Secret]
    public string? ApiToken = null;

    [Parameter("Where tasks run.")]
    public Platforms Platform = Platforms.Local;

    [Parameter("How often to retry.")]
    public int Retries { get; set; } = 3;

    [Parameter("Labels to add.")]
    public string[] Tags { get; } = [];

    [Parameter("Where to write the site.", Name = "Out")]
    public AbsolutePath? Output = null;

    public ConcurrentQueue<string> Ran { get; } = new();

    public bool FailCompile { get; set; }

    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool FailPlayground { get; set; }

    /// <summary>Compile does its work but reports a failed check, as Test does with failing tests inside PullRequest.</summary>
    public bool FailCompileCheck { get; set; }

    public AbsolutePath Root => RootDirectory;

    public IReadOnlyCollection<string> Invoked => InvokedTargets;

    public IReadOnlyList<string>? PassedOn => ArgumentsAfterSeparator;

    Target Restore => _ => _
        .Description("Restores packages.")
        .Executes(() => Ran.Enqueue(nameof(Restore)));

    Target Compile => _ => _
        .Description("Compiles.")
        .DependsOn(Restore)
        .Executes(() =>
        {
            if (FailCompile)
            {
                throw new BuildFailedException("Compile failed: fix the code.");
            }

            Ran.Enqueue(nameof(Compile));
            ReportSummary("2 projects");
            if (FailCompileCheck)
            {
                ReportCheckFailed("2 projects, 1 with warnings as errors");
            }
        });

    Target Playground => _ => _
        .Description("Serves the branch.")
        .DependsOn(Compile)
        .Requires(() => Branch)
        .Executes(() =>
        {
            if (FailPlayground)
            {
                throw new InvalidOperationException("The port is taken.");
            }

            Ran.Enqueue(nameof(Playground));
        });

    Target Deploy => _ => _
        .DependsOn(Compile)
        .Requires(() => Retries > 0)
        .Executes(() => Ran.Enqueue(nameof(Deploy)));

    Target Lint => _ => _
        .Executes(() => Log.Information("linting"));

    Target Test => _ => _
        .Executes(() => Log.Information("testing"));

    Target Slow => _ => _
        .Executes(async cancellation =>
        {
            SlowStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellation);
        });

    Target Teardown => _ => _
        .After(Slow)
        .AssuredAfterFailure()
        .Executes(() => Ran.Enqueue(nameof(Teardown)));

    Target Detached => _ => _
        .Unlisted()
        .Executes(async () =>
        {
            // Like a callback of a library that does not carry the caller's async flow.
            Task detached;
            using (ExecutionContext.SuppressFlow())
            {
                detached = Task.Run(() => Log.Information("logged outside the build's flow"));
            }

            await detached;
        });

    /// <summary>Fails the way Run does when the command it ran fails: with the command's exit code.</summary>
    Target Exec => _ => _
        .Executes(() => throw new PassedOnExitCodeException(int.Parse(ArgumentsAfterSeparator![0], System.Globalization.CultureInfo.InvariantCulture), "The command ended with its own exit code."));

    Target Internal => _ => _
        .Unlisted()
        .Executes(() => Ran.Enqueue(nameof(Internal)));
}
