namespace Slipway.Pipeline.Tests.AppConfig;

/// <summary>An app's repository in a temporary folder, written file by file.</summary>
public sealed class AppFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("slipway-app-").FullName;

    public AppFolder With(string relativePath, string content = "")
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public AppFolder WithConfig(string yaml) => With(".slipway.yml", yaml);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
