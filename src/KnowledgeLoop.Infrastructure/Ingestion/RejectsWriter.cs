using System.Globalization;
using System.Text;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// Writes rejected rows to <c>&lt;name&gt;.rejects.csv</c> next to the imported file: <c>line</c>, the row's original columns
/// (for JSON, one <c>record</c> column holding the original object), and <c>reason</c>; RFC 4180 quoting throughout.
/// The header comes from the first rejected row; a later row's columns are matched by name.
/// </summary>
public sealed class RejectsWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private string[]? _columns;

    private RejectsWriter(string path)
    {
        Path = path;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\r\n" };
    }

    /// <summary>The rejects file.</summary>
    public string Path { get; }

    /// <summary>Rows written.</summary>
    public long Count { get; private set; }

    /// <summary>Creates (or overwrites) the rejects file for an imported file or folder.</summary>
    public static RejectsWriter Create(string importedPath)
    {
        var full = System.IO.Path.GetFullPath(importedPath).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
        var directory = System.IO.Path.GetDirectoryName(full) ?? ".";
        var name = Directory.Exists(full) ? System.IO.Path.GetFileName(full) : System.IO.Path.GetFileNameWithoutExtension(full);
        return new RejectsWriter(System.IO.Path.Combine(directory, name + ".rejects.csv"));
    }

    /// <summary>Writes one rejected row with its reasons.</summary>
    public void Write<T>(ImportRow<T> row)
        where T : class
    {
        var raw = row.Raw ?? [];
        if (_columns is null)
        {
            _columns = raw.Select(p => p.Key).ToArray();
            WriteRecord(["line", .. _columns, "reason"]);
        }

        var values = new string[_columns.Length + 2];
        values[0] = row.Line.ToString(CultureInfo.InvariantCulture);
        var used = new bool[raw.Count];
        for (var c = 0; c < _columns.Length; c++)
        {
            for (var i = 0; i < raw.Count; i++)
            {
                if (!used[i] && raw[i].Key == _columns[c])
                {
                    values[c + 1] = raw[i].Value;
                    used[i] = true;
                    break;
                }
            }
        }

        var reason = new StringBuilder();
        foreach (var problem in row.Problems)
        {
            if (reason.Length > 0)
            {
                reason.Append("; ");
            }

            if (problem.Column is not null)
            {
                reason.Append(problem.Column).Append(": ");
            }

            reason.Append(problem.Reason);
            if (problem.Value is not null)
            {
                reason.Append(" (value '").Append(problem.Value).Append("')");
            }
        }

        for (var i = 0; i < raw.Count; i++)
        {
            if (!used[i])
            {
                reason.Append(reason.Length > 0 ? "; " : string.Empty).Append("extra field ").Append(raw[i].Key).Append('=').Append(raw[i].Value);
            }
        }

        values[^1] = reason.ToString();
        WriteRecord(values);
        Count++;
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private void WriteRecord(string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            // Cells that a spreadsheet would run as a formula get a leading quote, as in gaps.csv: the file is meant to
            // be opened, fixed and re-imported, and customer text must not execute on the way.
            var value = i == 0 ? values[i] ?? string.Empty : Reports.GapsCsv.Text(values[i]);
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' ')))
            {
                _writer.Write('"');
                _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                _writer.Write('"');
            }
            else
            {
                _writer.Write(value);
            }
        }

        _writer.WriteLine();
    }
}
