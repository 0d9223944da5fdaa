namespace Slipway.Data.Files;

/// <summary>Where SyncFiles takes one app's public files from (<c>--files-source</c>): a folder, or a prefix in a bucket.</summary>
public abstract record FilesSource
{
    /// <summary>Where it is, for messages and the schedules page (a folder, or s3://bucket/prefix/).</summary>
    public abstract string Location { get; }
}

/// <summary>A folder of this host (the development server's files, mounted or fetched there).</summary>
public sealed record FolderFilesSource(string Folder) : FilesSource
{
    public override string Location => Folder;
}

/// <summary>The objects under <paramref name="Prefix"/> (empty, or ending in '/') in <paramref name="Bucket"/>.</summary>
public sealed record S3FilesSource(string Bucket, string Prefix) : FilesSource
{
    public override string Location => $"s3://{Bucket}/{Prefix}";
}
