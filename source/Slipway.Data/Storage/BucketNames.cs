namespace Slipway.Data.Storage;

/// <summary>
/// The bucket names Slipway accepts in its settings: S3's rule for new buckets, short enough to say in a sentence.
/// Checked when a setting is read, so a typo (<c>s3:</c>, an upper-case letter) stops the start, not the run's end.
/// </summary>
public static class BucketNames
{
    /// <summary>What a valid name is, for the sentence that refuses one.</summary>
    public const string Rule = "3 to 63 lower-case letters, digits, '-' or '.'";

    /// <summary>Whether <paramref name="bucket"/> is a name S3 could have given a bucket.</summary>
    public static bool IsValid(string bucket) =>
        bucket.Length is >= 3 and <= 63 && bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');
}
