using Slipway.Results;

namespace Slipway.Service.Web;

/// <summary>
/// The screenshots of failing browser steps a run wrote into its report folder (<c>screenshots/</c>), as the run page
/// lists them and <c>/runs/{id}/screenshots/{name}</c> serves them. Only plain PNG names (the rule the run read them
/// by) and only regular files of that folder count, so no name reaches a file of another folder or another run.
/// </summary>
public static class RunScreenshots
{
    /// <summary>The screenshots' names in <paramref name="reportFolder"/>, in name order; empty when there are none.</summary>
    public static IReadOnlyList<string> List(string? reportFolder)
    {
        var folder = reportFolder is null ? null : Path.Combine(reportFolder, TaskAttachment.Folder);
        if (folder is null || !Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .Where(name => TaskAttachment.IsPlainName(name) && Find(reportFolder, name) is not null)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The file of the screenshot <paramref name="name"/> in <paramref name="reportFolder"/>; null when there is no such screenshot.</summary>
    public static string? Find(string? reportFolder, string? name)
    {
        if (reportFolder is null || !TaskAttachment.IsPlainName(name))
        {
            return null;
        }

        var path = Path.Combine(reportFolder, TaskAttachment.Folder, name!);
        var file = new FileInfo(path);
        // A link planted in the folder would lead elsewhere: only a file the run wrote itself is served.
        return file.Exists && !file.Attributes.HasFlag(FileAttributes.ReparsePoint) ? file.FullName : null;
    }
}
