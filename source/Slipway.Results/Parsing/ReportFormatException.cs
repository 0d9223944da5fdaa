namespace Slipway.Results.Parsing;

/// <summary>A report that is well-formed but not the document its format promises (or no document at all).</summary>
internal sealed class ReportFormatException(string message) : Exception(message)
{
    public static ReportFormatException WrongRoot(string expected, string found) =>
        new($"expected a <{expected}> document but it starts with <{found}>");
}
