using System.Text;

namespace Slipway.Results.Parsing;

/// <summary>Collects a small JSON report (phploc's) and reads it whole at its end; a report over 4 MiB is refused.</summary>
internal sealed class BufferedJsonDocumentParser(Action<string> read, DocumentResults results) : IReportDocumentParser
{
    private const int MaxChars = 4 * 1024 * 1024;

    private readonly StringBuilder _json = new();
    private bool _tooLarge;

    public bool HasFailed => _tooLarge;

    public void Write(string line)
    {
        if (_tooLarge)
        {
            return;
        }

        if (_json.Length + line.Length > MaxChars)
        {
            _tooLarge = true;
            _json.Clear();
            return;
        }

        _json.Append(line).Append('\n');
    }

    public void EndOfPage()
    {
    }

    public DocumentResults Finish()
    {
        if (_tooLarge)
        {
            throw new ReportFormatException($"the report is larger than {MaxChars / 1024 / 1024} MiB");
        }

        var json = _json.ToString();
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ReportFormatException("the report is empty");
        }

        read(json);
        return results;
    }
}
