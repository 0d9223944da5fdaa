using System.Text;

namespace Slipway.Results.Parsing;

/// <summary>
/// Collects a PNG a task handed back as base64 lines (format <c>png-base64</c>, the file's name in the begin
/// marker's <c>name=</c>). The name comes from the app's tests, so it must be a plain file name; a file over
/// 8 MiB is refused.
/// </summary>
internal sealed class Base64FileParser(ReportContext context) : IReportDocumentParser
{
    private const int MaxChars = 8 * 1024 * 1024 / 3 * 4;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly StringBuilder _base64 = new();
    private bool _tooLarge;

    public bool HasFailed => _tooLarge;

    public void Write(string line)
    {
        var text = line.Trim();
        if (_tooLarge || text.Length == 0)
        {
            return;
        }

        if (_base64.Length + text.Length > MaxChars)
        {
            _tooLarge = true;
            _base64.Clear();
            return;
        }

        _base64.Append(text);
    }

    public void EndOfPage()
    {
    }

    public DocumentResults Finish()
    {
        if (_tooLarge)
        {
            throw new ReportFormatException("the file is larger than 8 MiB");
        }

        if (context.FileName is not { } name || !TaskAttachment.IsPlainName(name))
        {
            throw new ReportFormatException(
                $"the file's name ('{context.FileName}') must be a plain file name ending in .png (letters, digits, '.', '_', '-'; up to 120 characters)");
        }

        byte[] content;
        try
        {
            content = Convert.FromBase64String(_base64.ToString());
        }
        catch (FormatException)
        {
            throw new ReportFormatException($"{name} is not valid base64");
        }

        if (!content.AsSpan().StartsWith(PngSignature))
        {
            throw new ReportFormatException($"{name} is not a PNG image");
        }

        context.Results.Attachments.Add(new TaskAttachment(context.Tool, name, content));
        return context.Results;
    }
}
