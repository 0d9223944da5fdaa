namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>Copies a folder of the checkout (without build outputs) so a test can change it freely.</summary>
public static class FolderCopy
{
    private static readonly string[] Skipped = ["vendor", "node_modules", "dist", ".slipway", ".git"];

    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            if (Skipped.Contains(entry.Name))
            {
                continue;
            }

            var destination = Path.Combine(target, entry.Name);
            if (entry is DirectoryInfo folder)
            {
                Copy(folder.FullName, destination);
            }
            else
            {
                File.Copy(entry.FullName, destination);
            }
        }
    }
}
