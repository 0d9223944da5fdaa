namespace Slipway.Results.Parsing;

/// <summary>What a format reader needs besides the document: who reported, where paths start, and where results go.</summary>
internal sealed record ReportContext(string Tool, AppPathMapper Paths, DocumentResults Results);
