namespace Slipway.Results;

/// <summary>Writes places in code the way editors and CI annotations read them.</summary>
public static class SourceLocation
{
    /// <summary><c>file:line</c>, or the file alone when the line is unknown.</summary>
    public static string Format(string file, int? line) => line is { } number ? $"{file}:{number}" : file;
}
