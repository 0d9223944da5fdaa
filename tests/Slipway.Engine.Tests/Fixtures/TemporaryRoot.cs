namespace Slipway.Engine.Tests.Fixtures;

/// <summary>A fresh folder with a <c>.nuke/</c> inside, deleted when the test ends.</summary>
internal sealed class TemporaryRoot : IDisposable
{
    public TemporaryRoot()
    {
        Path = AbsolutePath.Create(Directory.CreateTempSubdirectory("slipway-engine-").FullName);
        NukeDirectory.CreateDirectory();
    }

    public AbsolutePath Path { get; }

    public AbsolutePath NukeDirectory => Path / ".nuke";

    public TemporaryRoot WriteParameters(string fileName, string json)
    {
        File.WriteAllText(NukeDirectory / fileName, json);
        return this;
    }

    public void Dispose() => Path.DeleteDirectory();
}
