namespace Slipway.Git.Checkout;

/// <summary>What a folder entry is, for mirroring and hashing: links are copied as links, never followed.</summary>
internal enum EntryType
{
    File,
    Folder,
    Link,
}
