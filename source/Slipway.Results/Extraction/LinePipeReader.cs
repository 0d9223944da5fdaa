using System.Threading.Tasks.Sources;

namespace Slipway.Results.Extraction;

/// <summary>
/// A <see cref="TextReader"/> that is written to line by line while an asynchronous
/// <see cref="System.Xml.XmlReader"/> reads from it. When the reader asks for more than has been
/// written, its read stays pending; <see cref="Pump"/> completes it on the writer's thread, which
/// runs the parser inline until it needs more again. The parser thus works through a document as it
/// arrives, and no more than the lines written since the last pump are ever held.
/// </summary>
internal sealed class LinePipeReader : TextReader, IValueTaskSource<int>
{
    private readonly Queue<string> _lines = new();
    private ManualResetValueTaskSourceCore<int> _pendingRead;
    private Memory<char> _pendingBuffer;
    private bool _hasPendingRead;
    private bool _writingCompleted;
    private int _offset;
    private bool _newlineOwed;
    private long _queuedChars;

    /// <summary>Characters written but not yet read: the caller pumps when this grows large.</summary>
    public long QueuedChars => _queuedChars;

    public void Write(string line)
    {
        _lines.Enqueue(line);
        _queuedChars += line.Length + 1;
    }

    /// <summary>Drops whatever was written and not read (the parser has given up on the document).</summary>
    public void Discard()
    {
        _lines.Clear();
        _offset = 0;
        _newlineOwed = false;
        _queuedChars = 0;
    }

    /// <summary>Hands what was written to a waiting read; the parser runs until it waits again.</summary>
    public void Pump()
    {
        if (!_hasPendingRead || (!HasData && !_writingCompleted))
        {
            return;
        }

        _hasPendingRead = false;
        var count = Fill(_pendingBuffer.Span);
        _pendingBuffer = default;
        _pendingRead.SetResult(count);
    }

    /// <summary>Marks the end of the document: once the parser has read everything, its reads return 0.</summary>
    public void CompleteWriting()
    {
        _writingCompleted = true;
        Pump();
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || HasData || _writingCompleted)
        {
            return new ValueTask<int>(Fill(buffer.Span));
        }

        _pendingRead.Reset();
        _pendingBuffer = buffer;
        _hasPendingRead = true;
        return new ValueTask<int>(this, _pendingRead.Version);
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) =>
        ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (!HasData && !_writingCompleted && !buffer.IsEmpty)
        {
            throw new InvalidOperationException("The document is read asynchronously as it arrives; a blocking read would wait forever.");
        }

        return Fill(buffer);
    }

    int IValueTaskSource<int>.GetResult(short token) => _pendingRead.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _pendingRead.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _pendingRead.OnCompleted(continuation, state, token, flags);

    private bool HasData => _newlineOwed || _lines.Count > 0;

    private int Fill(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_newlineOwed)
            {
                buffer[written++] = '\n';
                _newlineOwed = false;
                _queuedChars--;
                continue;
            }

            if (!_lines.TryPeek(out var line))
            {
                break;
            }

            var count = Math.Min(line.Length - _offset, buffer.Length - written);
            line.AsSpan(_offset, count).CopyTo(buffer[written..]);
            written += count;
            _offset += count;
            _queuedChars -= count;
            if (_offset == line.Length)
            {
                _lines.Dequeue();
                _offset = 0;
                _newlineOwed = true;
            }
        }

        return written;
    }
}
