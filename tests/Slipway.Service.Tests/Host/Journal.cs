namespace Slipway.Service.Tests.Host;

/// <summary>A text file the test host's runs and cleaner append one line to per event, for the durability test to read.</summary>
public sealed class Journal(string path)
{
    private readonly Lock _gate = new();

    public string Path => path;

    public void Write(string line)
    {
        lock (_gate)
        {
            File.AppendAllText(path, line + "\n");
        }
    }

    public static IReadOnlyList<string[]> Read(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(line => line.Length > 0).Select(line => line.Split(' ')).ToList() : [];
}
