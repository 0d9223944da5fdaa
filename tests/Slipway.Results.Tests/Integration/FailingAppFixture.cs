using Slipway.Platform;

namespace Slipway.Results.Tests.Integration;

/// <summary>
/// A copy of tests/fixtures/failing-app with its autoloader installed (composer, offline), and the
/// logs of Slipway's real entry scripts (docker/tests/run-tests.sh and run-analysis.sh) run on it
/// with the real PHP tools of this machine.
/// </summary>
public sealed class FailingAppFixture : IDisposable
{
    public FailingAppFixture()
    {
        var repository = FindRepositoryRoot();
        AppRoot = Path.Combine(Path.GetTempPath(), $"slipway-failing-app-{Guid.NewGuid():N}");
        CopyFolder(Path.Combine(repository, "tests", "fixtures", "failing-app"), AppRoot);
        var environment = new Dictionary<string, string> { ["SLIPWAY_APP_DIR"] = AppRoot, ["COMPOSER_NO_INTERACTION"] = "1" };
        ScriptRun.WithStreams(AppRoot, environment, "composer", "install", "--no-progress", "--quiet");
        var tests = Path.Combine(repository, "docker", "tests", "run-tests.sh");
        var analysis = Path.Combine(repository, "docker", "tests", "run-analysis.sh");
        TestsLog = ScriptRun.WithStreams(AppRoot, environment, "bash", tests);
        AnalysisLog = ScriptRun.WithStreams(AppRoot, environment, "bash", analysis);
        MergedAnalysisLog = ScriptRun.Merged(AppRoot, environment, "bash", analysis);
    }

    public string AppRoot { get; }

    public IReadOnlyList<LogLine> TestsLog { get; }

    public IReadOnlyList<LogLine> AnalysisLog { get; }

    public IReadOnlyList<LogLine> MergedAnalysisLog { get; }

    public void Dispose() => Directory.Delete(AppRoot, recursive: true);

    internal static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Slipway.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the Slipway repository: Slipway.sln was not found above them.");
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("vendor", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
