namespace Slipway.Results.Extraction;

/// <summary>Whether a marker line opens or closes a tool's report.</summary>
internal enum MarkerKind
{
    Begin,
    End,
}
