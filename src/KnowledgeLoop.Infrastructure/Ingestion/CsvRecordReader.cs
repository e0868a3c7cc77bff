using System.Buffers;
using System.Text;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// A streaming RFC 4180 reader working on UTF-8 bytes: quoted fields with embedded commas, quotes and newlines, CRLF or LF,
/// a leading BOM. Only one record's bytes are held at a time; each field is decoded strictly, so invalid UTF-8 is reported
/// at its record and column instead of turning into replacement characters.
/// </summary>
internal sealed class CsvRecordReader
{
    private static readonly SearchValues<byte> QuotedStops = SearchValues.Create("\"\n"u8);
    private static readonly SearchValues<byte> UnquotedStops = SearchValues.Create(",\r\n"u8);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _bomChecked;
    private int[] _fieldStart = new int[32];
    private int[] _fieldLength = new int[32];
    private bool[] _fieldEscaped = new bool[32];

    public CsvRecordReader(Stream stream) => _stream = stream;

    /// <summary>Fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The 1-based line where the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>The line the next record starts on.</summary>
    public long NextLine { get; private set; } = 1;

    /// <summary>True when the file had no bytes at all (a BOM alone counts as empty).</summary>
    public bool IsEmpty { get; private set; }

    /// <summary>Set when the current record has text after a closing quote.</summary>
    public int BadQuoteField { get; private set; } = -1;

    /// <summary>True when reading stopped at a quoted field that never closes (starting on <see cref="Line"/>).</summary>
    public bool IsUnterminated { get; private set; }

    /// <summary>Reads the next non-blank record; false at the end of the file or at an unterminated quote.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_bomChecked)
            {
                if (!_eof && _end - _start < 3)
                {
                    await FillAsync(cancellationToken);
                    continue;
                }

                _bomChecked = true;
                if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF)
                {
                    _start += 3;
                }

                IsEmpty = _eof && _end == _start;
            }

            var status = TryParse(out var consumed, out var lines);
            switch (status)
            {
                case ParseStatus.Record:
                    Line = NextLine;
                    NextLine += lines;
                    _start += consumed;
                    return true;
                case ParseStatus.Blank:
                    NextLine += lines;
                    _start += consumed;
                    continue;
                case ParseStatus.End:
                    return false;
                case ParseStatus.Unterminated:
                    Line = NextLine;
                    IsUnterminated = true;
                    return false;
                default:
                    await FillAsync(cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Decodes field <paramref name="index"/> of the current record (strict UTF-8).</summary>
    /// <exception cref="DecoderFallbackException">The field is not valid UTF-8.</exception>
    public string GetString(int index)
    {
        var length = _fieldLength[index];
        if (length == 0)
        {
            return string.Empty;
        }

        var text = StrictUtf8.GetString(_buffer, _fieldStart[index], length);
        return _fieldEscaped[index] ? text.Replace("\"\"", "\"", StringComparison.Ordinal) : text;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2); // one record longer than the buffer
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _eof = read == 0;
    }

    private ParseStatus TryParse(out int consumed, out int lines)
    {
        consumed = 0;
        lines = 0;
        FieldCount = 0;
        BadQuoteField = -1;
        var span = _buffer.AsSpan(0, _end);
        var pos = _start;
        if (pos == _end)
        {
            return _eof ? ParseStatus.End : ParseStatus.NeedMore;
        }

        while (true)
        {
            int fieldStart, fieldLength;
            var escaped = false;
            if (pos < _end && span[pos] == (byte)'"')
            {
                pos++;
                fieldStart = pos;
                while (true)
                {
                    var next = span[pos.._end].IndexOfAny(QuotedStops);
                    if (next < 0)
                    {
                        return _eof ? ParseStatus.Unterminated : ParseStatus.NeedMore;
                    }

                    pos += next;
                    if (span[pos] == (byte)'\n')
                    {
                        lines++;
                        pos++;
                        continue;
                    }

                    if (pos + 1 == _end && !_eof)
                    {
                        return ParseStatus.NeedMore;
                    }

                    if (pos + 1 < _end && span[pos + 1] == (byte)'"')
                    {
                        escaped = true;
                        pos += 2;
                        continue;
                    }

                    fieldLength = pos - fieldStart;
                    pos++;
                    break;
                }

                if (pos < _end && span[pos] is not ((byte)',' or (byte)'\r' or (byte)'\n'))
                {
                    // Text after the closing quote: keep reading to the next separator, and reject the row.
                    BadQuoteField = FieldCount;
                    var skip = span[pos.._end].IndexOfAny(UnquotedStops);
                    if (skip < 0)
                    {
                        if (!_eof)
                        {
                            return ParseStatus.NeedMore;
                        }

                        pos = _end;
                    }
                    else
                    {
                        pos += skip;
                    }
                }
            }
            else
            {
                fieldStart = pos;
                var next = span[pos.._end].IndexOfAny(UnquotedStops);
                if (next < 0)
                {
                    if (!_eof)
                    {
                        return ParseStatus.NeedMore;
                    }

                    next = _end - pos;
                }

                pos += next;
                fieldLength = pos - fieldStart;
            }

            AddField(fieldStart, fieldLength, escaped);

            if (pos == _end)
            {
                if (!_eof)
                {
                    return ParseStatus.NeedMore;
                }

                lines++;
                consumed = pos - _start;
                return IsBlank() ? ParseStatus.Blank : ParseStatus.Record;
            }

            var separator = span[pos];
            if (separator == (byte)',')
            {
                pos++;
                continue;
            }

            if (separator == (byte)'\r')
            {
                if (pos + 1 == _end && !_eof)
                {
                    return ParseStatus.NeedMore;
                }

                pos += pos + 1 < _end && span[pos + 1] == (byte)'\n' ? 2 : 1;
            }
            else
            {
                pos++;
            }

            lines++;
            consumed = pos - _start;
            return IsBlank() ? ParseStatus.Blank : ParseStatus.Record;
        }
    }

    private bool IsBlank() => FieldCount == 1 && _fieldLength[0] == 0;

    private void AddField(int start, int length, bool escaped)
    {
        if (FieldCount == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, FieldCount * 2);
            Array.Resize(ref _fieldLength, FieldCount * 2);
            Array.Resize(ref _fieldEscaped, FieldCount * 2);
        }

        _fieldStart[FieldCount] = start;
        _fieldLength[FieldCount] = length;
        _fieldEscaped[FieldCount] = escaped;
        FieldCount++;
    }

    private enum ParseStatus
    {
        NeedMore,
        Record,
        Blank,
        End,
        Unterminated,
    }
}
