namespace Slipway.Pipeline.Building;

/// <summary>Where Slipway's own files and a run's working files live.</summary>
public sealed class SlipwayLayout(string slipwayRoot, string workDirectory)
{
    public string Root { get; } = Path.GetFullPath(slipwayRoot);

    public string WorkDirectory { get; } = Path.GetFullPath(workDirectory);

    /// <summary>The folder of one of Slipway's images (docker/&lt;image&gt;/): its Dockerfile and the scripts it runs.</summary>
    public string ImageFolder(string image) => Path.Combine(Root, "docker", image);

    public string Dockerfile(string image) => Path.Combine(ImageFolder(image), "Dockerfile");

    /// <summary>A script an image runs, kept beside its Dockerfile: <c>ImageFile("tests", "run-tests.sh")</c>.</summary>
    public string ImageFile(string image, string name) => Path.Combine(ImageFolder(image), name);

    /// <summary>Slipway's default hooks, run before the app's own.</summary>
    public string DefaultHooks => Path.Combine(Root, "devops_hooks");

    /// <summary>The working copy of one branch of one app; kept between runs so unchanged work is skipped.</summary>
    public string SourceFolder(string app, string slug) => Path.Combine(WorkDirectory, "work", app, slug, "src");

    /// <summary>Caches shared by the builds of every branch of an app (composer's download cache).</summary>
    public string CacheFolder(string app) => Path.Combine(WorkDirectory, "cache", app);

    /// <summary>Reports and logs of one run.</summary>
    public string RunFolder(string runId) => Path.Combine(WorkDirectory, "runs", runId);

    /// <summary>Where each run's secret files live while its tasks run (one folder per run, removed with it).</summary>
    public string SecretsRoot => Path.Combine(WorkDirectory, "secrets");

    /// <summary>The secret files of one run, mounted read-only into its build task.</summary>

    public string StateDatabase => Path.Combine(WorkDirectory, "slipway.db");
}
