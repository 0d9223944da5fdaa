partial class Targets
{
    /// <summary>Folders of .nuke/temp that Clean keeps: the bootstrap's compiled build and the SDK it may have installed.</summary>
    static readonly string[] BootstrapFolders = ["build", "dotnet"];

    static readonly string[] StateDatabaseExtensions = [".db", ".sqlite", ".sqlite3"];

    Target Clean => _ => _
        .Description("Deletes the work folders under the work directory (.nuke/temp), keeping the state database and the build's own output.")
        .Executes(() =>
        {
            if (!WorkFolder.DirectoryExists())
            {
                ReportSummary("nothing to delete");
                return;
            }

            var deleted = 0;
            foreach (var folder in Directory.EnumerateDirectories(WorkFolder).Select(AbsolutePath.Create))
            {
                if (BootstrapFolders.Contains(folder.Name) || HoldsStateDatabase(folder))
                {
                    Log.Debug($"Keeping {folder}");
                    continue;
                }

                Log.Information($"Deleting {folder}");
                folder.DeleteDirectory();
                deleted++;
            }

            ReportSummary($"deleted {deleted} folder(s)");
        });

    static bool HoldsStateDatabase(AbsolutePath folder) =>
        Directory.EnumerateFiles(folder).Any(file => StateDatabaseExtensions.Contains(Path.GetExtension(file)));
}
