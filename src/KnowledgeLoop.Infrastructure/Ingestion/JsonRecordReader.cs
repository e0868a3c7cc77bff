using System.Text.Json;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// Streams the records of a JSON export one object at a time: a top-level array, JSON Lines (or any run of top-level
/// objects), or an API envelope such as <c>{"tickets":[...]}</c> whose array property is named in the wrapper list.
/// Only the bytes of the current object are held; each record knows the line it starts on.
/// </summary>
internal sealed class JsonRecordReader
{
    private const int MaximumFlattenDepth = 6;

    private readonly Stream _stream;
    private readonly string _file;
    private readonly string[] _wrappers;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private JsonReaderState _state = new(new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
    private Mode _mode = Mode.TopLevel;
    private long _bufferBase;
    private long _countedTo;
    private long _countedLine = 1;
    private bool _sawAnything;

    public JsonRecordReader(Stream stream, string file, string[] wrappers)
    {
        _stream = stream;
        _file = file;
        _wrappers = wrappers;
    }

    private enum Mode
    {
        TopLevel,
        Array,
        Envelope,
        EnvelopeArray,
    }

    private enum Step
    {
        NeedMore,
        Done,
    }

    /// <summary>The records, then at most one problem with the file (malformed JSON stops the reading).</summary>
    public async IAsyncEnumerable<(JsonElement Element, long Line, ImportProblem? Problem, bool Fatal)> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var items = new List<(JsonElement, long, ImportProblem?)>();
        do
        {
            await FillAsync(cancellationToken);
        }
        while (!_eof && _end < 3);

        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
            _countedTo = 3;
        }

        while (true)
        {
            Step step;
            ImportProblem? fatal = null;
            try
            {
                step = Process(items);
            }
            catch (JsonException e)
            {
                step = Step.Done;
                fatal = new ImportProblem(_file, (e.LineNumber ?? 0) + 1, null, null, $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}");
            }

            foreach (var (element, line, problem) in items)
            {
                yield return (element, line, problem, false);
            }

            items.Clear();
            if (fatal is not null)
            {
                yield return (default, fatal.Line, fatal, true);
                yield break;
            }

            if (step == Step.Done)
            {
                if (!_sawAnything)
                {
                    yield return (default, 0, new ImportProblem(_file, 0, null, null, "the file is empty"), true);
                }
                else if (_mode != Mode.TopLevel)
                {
                    var last = CountLines(_bufferBase + _end);
                    yield return (default, last, new ImportProblem(_file, last, null, null, "malformed JSON: the file ends inside an array or object"), true);
                }

                yield break;
            }

            if (_eof)
            {
                yield break;
            }

            await FillAsync(cancellationToken);
        }
    }

    /// <summary>Flattens a JSON object into path/value columns: nested objects as dotted paths, scalar arrays joined with ';'.</summary>
    /// <exception cref="InvalidOperationException">A string is not valid UTF-8.</exception>
    public static void Flatten(JsonElement element, List<string> names, List<string?> values, string prefix = "", int depth = 0)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : prefix + property.Name;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object && depth < MaximumFlattenDepth)
            {
                Flatten(value, names, values, name + ".", depth + 1);
                continue;
            }

            names.Add(name);
            values.Add(Scalar(value));
        }
    }

    /// <summary>A JSON value as the text a CSV cell would hold.</summary>
    public static string? Scalar(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Array:
                var all = true;
                foreach (var item in value.EnumerateArray())
                {
                    all &= item.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
                }

                if (!all)
                {
                    return value.GetRawText();
                }

                return string.Join(';', value.EnumerateArray().Select(Scalar));
            default:
                return value.GetRawText();
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.', ' ');
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            CountLines(_bufferBase + _start);
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferBase += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2); // one object longer than the buffer
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _eof = read == 0;
    }

    private long CountLines(long absolute)
    {
        if (absolute > _countedTo)
        {
            var from = (int)(_countedTo - _bufferBase);
            var to = (int)(absolute - _bufferBase);
            _countedLine += _buffer.AsSpan(from, to - from).Count((byte)'\n');
            _countedTo = absolute;
        }

        return _countedLine;
    }

    private Step Process(List<(JsonElement, long, ImportProblem?)> items)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        while (true)
        {
            var checkpoint = reader;
            if (!reader.Read())
            {
                Commit(ref reader);
                return _eof ? Step.Done : Step.NeedMore;
            }

            _sawAnything = true;
            switch (_mode)
            {
                case Mode.TopLevel when reader.TokenType == JsonTokenType.StartArray:
                    _mode = Mode.Array;
                    break;
                case Mode.TopLevel when reader.TokenType == JsonTokenType.StartObject:
                    var probe = reader;
                    var decision = ProbeEnvelope(ref probe);
                    if (decision is null)
                    {
                        Commit(ref checkpoint);
                        return Step.NeedMore;
                    }

                    if (decision.Value)
                    {
                        _mode = Mode.Envelope;
                    }
                    else
                    {
                        items.Add(ReadRecord(ref reader));
                    }

                    break;
                case Mode.TopLevel:
                    throw new JsonException("expected an array of objects, objects (JSON Lines) or an object with a records array", null, LineOf(ref reader) - 1, 0);
                case Mode.Array or Mode.EnvelopeArray when reader.TokenType == JsonTokenType.StartObject:
                    var skip = reader;
                    if (!skip.TrySkip())
                    {
                        Commit(ref checkpoint);
                        return Step.NeedMore;
                    }

                    items.Add(ReadRecord(ref reader));
                    break;
                case Mode.Array or Mode.EnvelopeArray when reader.TokenType == JsonTokenType.EndArray:
                    _mode = _mode == Mode.Array ? Mode.TopLevel : Mode.Envelope;
                    break;
                case Mode.Array or Mode.EnvelopeArray:
                    var line = LineOf(ref reader);
                    if (!reader.TrySkip())
                    {
                        Commit(ref checkpoint);
                        return Step.NeedMore;
                    }

                    items.Add((default, line, new ImportProblem(_file, line, null, null, $"expected an object, found {reader.TokenType}")));
                    break;
                case Mode.Envelope when reader.TokenType == JsonTokenType.EndObject:
                    _mode = Mode.TopLevel;
                    break;
                case Mode.Envelope:
                    var isWrapper = IsWrapper(ref reader);
                    if (!reader.Read())
                    {
                        Commit(ref checkpoint);
                        return Step.NeedMore;
                    }

                    if (isWrapper && reader.TokenType == JsonTokenType.StartArray)
                    {
                        _mode = Mode.EnvelopeArray;
                    }
                    else if (!reader.TrySkip())
                    {
                        Commit(ref checkpoint);
                        return Step.NeedMore;
                    }

                    break;
            }
        }
    }

    private (JsonElement, long, ImportProblem?) ReadRecord(ref Utf8JsonReader reader)
    {
        var line = LineOf(ref reader);
        return (JsonElement.ParseValue(ref reader), line, null);
    }

    /// <summary>Looks ahead in an object at the top: true when it holds a wrapper array, false when it is a record, null when more bytes are needed.</summary>
    private bool? ProbeEnvelope(ref Utf8JsonReader probe)
    {
        while (true)
        {
            if (!probe.Read())
            {
                return null;
            }

            if (probe.CurrentDepth == 0 && probe.TokenType == JsonTokenType.EndObject)
            {
                return false;
            }

            if (probe.CurrentDepth == 1 && probe.TokenType == JsonTokenType.PropertyName && IsWrapper(ref probe))
            {
                if (!probe.Read())
                {
                    return null;
                }

                if (probe.TokenType == JsonTokenType.StartArray)
                {
                    return true;
                }
            }
        }
    }

    private bool IsWrapper(ref Utf8JsonReader reader)
    {
        foreach (var wrapper in _wrappers)
        {
            if (reader.ValueTextEquals(wrapper))
            {
                return true;
            }
        }

        return false;
    }

    private long LineOf(ref Utf8JsonReader reader) => CountLines(_bufferBase + _start + reader.TokenStartIndex);

    private void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }
}
