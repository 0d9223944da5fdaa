using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Slipway.Results.Extraction;

/// <summary>
/// A <c>::slipway::</c> marker line (see docs/results-protocol.md): <c>begin tool=X format=Y</c> or
/// <c>end tool=X exit=N</c>. Only a whole line is a marker: no leading space, nothing but
/// space-separated <c>key=value</c> pairs after the verb, and a tool named as <see cref="ToolName"/> allows. A file a
/// task hands back (a screenshot) has a <c>name=</c> too.
/// </summary>
internal sealed record ResultMarker(MarkerKind Kind, string Tool, string? Format, int? ExitCode)
{
    /// <summary>The file name a begin marker gives a file it hands back, as the task wrote it (checked by its reader).</summary>
    public string? Name { get; init; }

    public const string Prefix = "::slipway:: ";

    /// <summary>A cheap first test that lets the reader skip almost every line without parsing it.</summary>
    public static bool MayBeMarker(string line) =>
        line.Length > Prefix.Length && line[0] == ':' && line.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool TryParse(string line, [NotNullWhen(true)] out ResultMarker? marker)
    {
        marker = null;
        if (!MayBeMarker(line))
        {
            return false;
        }

        var rest = line.AsSpan(Prefix.Length).TrimEnd();
        var verbEnd = rest.IndexOf(' ');
        var verb = verbEnd < 0 ? rest : rest[..verbEnd];
        MarkerKind kind;
        if (verb.SequenceEqual("begin"))
        {
            kind = MarkerKind.Begin;
        }
        else if (verb.SequenceEqual("end"))
        {
            kind = MarkerKind.End;
        }
        else
        {
            return false;
        }

        string? tool = null, format = null, name = null;
        int? exitCode = null;
        var pairs = verbEnd < 0 ? ReadOnlySpan<char>.Empty : rest[(verbEnd + 1)..];
        foreach (var range in pairs.Split(' '))
        {
            var pair = pairs[range];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var key = pair[..equals];
            var value = pair[(equals + 1)..];
            if (key.SequenceEqual("tool") && !value.IsEmpty)
            {
                tool = value.ToString();
            }
            else if (key.SequenceEqual("format") && !value.IsEmpty)
            {
                format = value.ToString();
            }
            else if (key.SequenceEqual("name") && !value.IsEmpty)
            {
                name = value.ToString();
            }
            else if (key.SequenceEqual("exit") && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
            {
                exitCode = code;
            }
        }

        if (tool is null || !ToolName.IsValid(tool))
        {
            return false;
        }

        marker = new ResultMarker(kind, tool, format, exitCode) { Name = name };
        return true;
    }
}
