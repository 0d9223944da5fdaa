namespace Slipway.Results.Parsing;

/// <summary>What a format reader needs besides the document: who reported, where paths start, and where results go.</summary>
/// <param name="Tool">The tool named by the begin marker.</param>
/// <param name="Paths">Makes paths under the app's folder relative.</param>
/// <param name="Results">Where the report's results go.</param>
/// <param name="FileName">The name a begin marker gives a file it hands back (<c>name=</c>), unchecked.</param>
internal sealed record ReportContext(string Tool, AppPathMapper Paths, DocumentResults Results, string? FileName = null);
