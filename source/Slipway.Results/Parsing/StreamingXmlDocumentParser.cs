using System.Xml;
using Slipway.Results.Extraction;

namespace Slipway.Results.Parsing;

/// <summary>
/// Parses an XML report while it arrives: an asynchronous <see cref="XmlReader"/> reads from a
/// <see cref="LinePipeReader"/> and is resumed after every page, so memory stays bounded by a page,
/// not by the report, and a report that breaks is given up on at once.
/// </summary>
/// <remarks>
/// This works only while every continuation runs inline on the thread that pumps: the format readers
/// await with <c>ConfigureAwait(false)</c>, and pumping happens with no synchronization context, so
/// that a context (xUnit's, a UI's) cannot move the parser elsewhere.
/// </remarks>
internal sealed class StreamingXmlDocumentParser : IReportDocumentParser
{
    /// <summary>A page larger than this (in characters) is parsed in parts rather than held whole.</summary>
    private const long CatchUpThreshold = 256 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private readonly LinePipeReader _pipe = new();
    private readonly XmlReader _xml;
    private readonly Task _parse;
    private readonly DocumentResults _results;
    private bool _written;

    public StreamingXmlDocumentParser(Func<XmlReader, Task> readDocument, DocumentResults results)
    {
        _results = results;
        _xml = XmlReader.Create(_pipe, Settings);
        _parse = WithoutSynchronizationContext(() => readDocument(_xml));
    }

    public bool HasFailed => _parse.IsCompleted;

    public void Write(string line)
    {
        if (HasFailed)
        {
            return;
        }

        _written = true;
        _pipe.Write(line);
        if (_pipe.QueuedChars > CatchUpThreshold)
        {
            CatchUp();
        }
    }

    public void EndOfPage() => CatchUp();

    public DocumentResults Finish()
    {
        if (!_written)
        {
            throw new ReportFormatException("the report is empty");
        }

        if (!_parse.IsCompleted)
        {
            WithoutSynchronizationContext(() =>
            {
                _pipe.CompleteWriting();
                return true;
            });
        }

        _xml.Dispose();
        if (!_parse.IsCompleted)
        {
            throw new InvalidOperationException("The XML parser did not finish after the end of its document.");
        }

        if (_parse.Exception?.InnerException is { } failure)
        {
            throw failure is ReportFormatException ? failure : new ReportFormatException(failure.Message);
        }

        return _results;
    }

    private static T WithoutSynchronizationContext<T>(Func<T> action)
    {
        var context = SynchronizationContext.Current;
        if (context is null)
        {
            return action();
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private void CatchUp()
    {
        WithoutSynchronizationContext(() =>
        {
            _pipe.Pump();
            return true;
        });

        // A parser that finished before the end marker either failed or saw the whole document; either
        // way the lines that follow cannot change the outcome, so they are not kept.
        if (_parse.IsCompleted)
        {
            _pipe.Discard();
        }
    }
}
