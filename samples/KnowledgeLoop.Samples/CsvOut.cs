using System.Globalization;
using System.Text;

namespace KnowledgeLoop.Samples;

/// <summary>A minimal RFC 4180 writer: quotes a field only when it holds a comma, quote or line break; LF line ends.</summary>
internal sealed class CsvOut : IDisposable
{
    private const int BufferSize = 1 << 20;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;
    private bool _first = true;

    public CsvOut(string path, params string[] header)
    {
        _writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize), Utf8NoBom, BufferSize)
        {
            NewLine = "\n",
        };
        foreach (var name in header)
        {
            Field(name);
        }

        EndRow();
    }

    public void Field(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        var span = value.AsSpan();
        int quote;
        while ((quote = span.IndexOf('"')) >= 0)
        {
            _writer.Write(span[..(quote + 1)]);
            _writer.Write('"');
            span = span[(quote + 1)..];
        }

        _writer.Write(span);
        _writer.Write('"');
    }

    public void Field(int value)
    {
        Separator();
        Span<char> buffer = stackalloc char[12];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    /// <summary>Writes a UTC timestamp as ISO 8601 with a Z suffix, to the second.</summary>
    public void Field(DateTime? value)
    {
        Separator();
        if (value is not { } time)
        {
            return;
        }

        Span<char> buffer = stackalloc char[24];
        time.TryFormat(buffer, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    public void EndRow()
    {
        _writer.Write('\n');
        _first = true;
    }

    public void Dispose() => _writer.Dispose();

    private void Separator()
    {
        if (!_first)
        {
            _writer.Write(',');
        }

        _first = false;
    }
}
