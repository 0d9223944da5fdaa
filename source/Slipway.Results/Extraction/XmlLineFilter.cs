using System.Collections.Frozen;

namespace Slipway.Results.Extraction;

/// <summary>
/// Decides, line by line, which lines inside a block belong to the XML document. A line that does
/// not start with <c>&lt;</c> where the document expects only elements (before the root, after an
/// end tag, inside a container such as <c>&lt;testsuite&gt;</c> or <c>&lt;file&gt;</c>) cannot be
/// part of a well-formed report, so it is noise from another stream (PHP warnings, progress) and is
/// dropped. Lines where text is allowed (inside <c>&lt;failure&gt;</c>, <c>&lt;violation&gt;</c>,
/// CDATA, comments) are always kept, because noise there cannot be told from content.
/// </summary>
/// <remarks>
/// It is a lexical scan, not a parser: it follows tags, quotes, comments, CDATA and processing
/// instructions well enough to know where a line starts, which costs far less than the parse.
/// </remarks>
internal sealed class XmlLineFilter
{
    /// <summary>Elements of the report formats that hold only other elements, never text.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Containers =
        new[] { "testsuites", "testsuite", "testcase", "checkstyle", "file", "pmd", "pmd-cpd", "duplication" }
            .ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly char[] NameEnd = [' ', '\t', '\r', '/', '>'];

    private Mode _mode = Mode.Content;
    private bool _elementOnly = true;
    private bool _started;
    private char _quote;
    private TagKind _tagKind;
    private bool _tagOpensContainer;

    private enum Mode
    {
        Content,
        Tag,
        Comment,
        CData,
        ProcessingInstruction,
    }

    private enum TagKind
    {
        Start,
        End,
        Declaration,
    }

    /// <summary>
    /// Returns whether the line belongs to the document, and the text to hand to the parser (the
    /// first line loses leading white space and a byte order mark, which XML does not allow before
    /// the declaration).
    /// </summary>
    public bool Accept(string line, out string documentLine)
    {
        documentLine = line;
        if (_mode == Mode.Content && _elementOnly)
        {
            var trimmed = line.AsSpan().TrimStart().TrimStart('\uFEFF');
            if (trimmed.IsEmpty)
            {
                return _started;
            }

            if (trimmed[0] != '<')
            {
                return false;
            }

            if (!_started && trimmed.Length != line.Length)
            {
                documentLine = trimmed.ToString();
            }
        }

        _started = true;
        Scan(documentLine);
        return true;
    }

    private void Scan(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length)
        {
            var rest = line[i..];
            switch (_mode)
            {
                case Mode.Content:
                    i += ScanContent(rest);
                    break;
                case Mode.Tag:
                    i += ScanTag(rest);
                    break;
                case Mode.Comment:
                    i += SkipPast(rest, "-->", afterwards: _elementOnly);
                    break;
                case Mode.CData:
                    i += SkipPast(rest, "]]>", afterwards: false);
                    break;
                case Mode.ProcessingInstruction:
                    i += SkipPast(rest, "?>", afterwards: _elementOnly);
                    break;
            }
        }
    }

    private int ScanContent(ReadOnlySpan<char> rest)
    {
        var lessThan = rest.IndexOf('<');
        var text = lessThan < 0 ? rest : rest[..lessThan];
        if (_elementOnly && !text.IsWhiteSpace())
        {
            _elementOnly = false;
        }

        if (lessThan < 0)
        {
            return rest.Length;
        }

        var markup = rest[(lessThan + 1)..];
        var consumed = lessThan + 1;
        if (markup.StartsWith("!--"))
        {
            _mode = Mode.Comment;
            return consumed + 3;
        }

        if (markup.StartsWith("![CDATA["))
        {
            _mode = Mode.CData;
            return consumed + 8;
        }

        if (markup.StartsWith("?"))
        {
            _mode = Mode.ProcessingInstruction;
            return consumed + 1;
        }

        _mode = Mode.Tag;
        _quote = '\0';
        if (markup.StartsWith("!"))
        {
            _tagKind = TagKind.Declaration;
            return consumed + 1;
        }

        if (markup.StartsWith("/"))
        {
            _tagKind = TagKind.End;
            return consumed + 1;
        }

        _tagKind = TagKind.Start;
        var nameLength = markup.IndexOfAny(NameEnd);
        var name = nameLength < 0 ? markup : markup[..nameLength];
        _tagOpensContainer = Containers.Contains(name);
        return consumed + name.Length;
    }

    private int ScanTag(ReadOnlySpan<char> rest)
    {
        if (_quote != '\0')
        {
            var close = rest.IndexOf(_quote);
            if (close < 0)
            {
                return rest.Length;
            }

            _quote = '\0';
            return close + 1;
        }

        var next = rest.IndexOfAny('"', '\'', '>');
        if (next < 0)
        {
            return rest.Length;
        }

        if (rest[next] != '>')
        {
            _quote = rest[next];
            return next + 1;
        }

        var selfClosing = next > 0 && rest[next - 1] == '/';
        _elementOnly = _tagKind switch
        {
            TagKind.End => true,
            TagKind.Start => selfClosing || _tagOpensContainer,
            _ => _elementOnly,
        };
        _mode = Mode.Content;
        return next + 1;
    }

    private int SkipPast(ReadOnlySpan<char> rest, string terminator, bool afterwards)
    {
        var end = rest.IndexOf(terminator);
        if (end < 0)
        {
            return rest.Length;
        }

        _mode = Mode.Content;
        _elementOnly = afterwards;
        return end + terminator.Length;
    }
}
