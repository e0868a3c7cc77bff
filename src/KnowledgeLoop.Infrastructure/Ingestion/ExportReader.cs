using System.Runtime.CompilerServices;
using System.Text;
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// Reads tickets, articles and sessions from export files, streamed row by row: CSV (RFC 4180), JSON arrays, JSON Lines and
/// API envelopes, mapped through the chosen preset and mapping file. Every row comes back either as an entity or with the
/// problems that stop it; a problem with the whole file comes back as a row with neither entity nor raw fields.
/// </summary>
/// <remarks>
/// A header-only CSV (or an empty JSON array) is a valid export of nothing and yields no rows; a file with no bytes at all
/// is a problem ("the file is empty"). Valid rows carry no raw fields (they are only needed for the rejects file).
/// </remarks>
public static class ExportReader
{
    private const int FileBufferSize = 4096;

    /// <summary>Reads a tickets file.</summary>
    public static async IAsyncEnumerable<ImportRow<Ticket>> ReadTicketsAsync(string path, ImportOptions options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var stream = OpenOrProblem<Ticket>(path, out var problem);
        if (stream is null)
        {
            yield return problem!;
            yield break;
        }

        await using (stream)
        {
            await foreach (var row in ReadTicketsAsync(stream, path, options, ct))
            {
                yield return row;
            }
        }
    }

    /// <summary>Reads tickets from a stream (an upload); <paramref name="fileName"/> names the file in problems and picks CSV or JSON by extension.</summary>
    public static async IAsyncEnumerable<ImportRow<Ticket>> ReadTicketsAsync(Stream stream, string fileName, ImportOptions options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var format = options.Format;
        var spec = FieldSpec.Create(FieldNames.Ticket, ExportPresets.Tickets(format), options.Mapping?.Tickets, ExportPresets.TicketIgnoredPrefixes(format));
        var parser = Parser(options);
        var row = new RowReader(fileName, spec, parser);
        Func<Ticket, RowReader, Ticket>? enrich = null;
        if (format == ImportFormat.Zendesk)
        {
            Dictionary<string, ZendeskMetrics>? metrics = null;
            if (options.TicketMetricsPath is { } metricsPath)
            {
                var (loaded, problem) = await ZendeskMetrics.LoadAsync(metricsPath, parser, ct);
                if (problem is not null)
                {
                    yield return new ImportRow<Ticket>(problem.Line, null, [problem], null);
                    yield break;
                }

                metrics = loaded;
            }

            enrich = (ticket, r) => TicketMessages.Enrich(ZendeskMetrics.Enrich(ticket, r, metrics), r);
        }
        else if (format == ImportFormat.ServiceNow)
        {
            enrich = static (ticket, _) => ticket with { Status = ExportPresets.ServiceNowState(ticket.Status) };
        }
        else if (format == ImportFormat.Jira)
        {
            enrich = JiraIssues.Enrich;
        }
        else if (format == ImportFormat.Generic)
        {
            enrich = TicketMessages.Enrich;
        }

        var mapper = new TicketMapper(row, enrich);
        var records = ReadRecordsAsync(stream, fileName, spec, mapper, ct);
        if (format == ImportFormat.ServiceNow)
        {
            records = LatestPerIdAsync(records, spec, parser, ct);
        }

        await foreach (var result in MapAsync(records, spec, mapper, ct))
        {
            yield return result;
        }
    }

    /// <summary>Reads articles from a CSV/JSON file or a folder of .md/.html files.</summary>
    public static async IAsyncEnumerable<ImportRow<Article>> ReadArticlesAsync(string path, ImportOptions options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (Directory.Exists(path))
        {
            await foreach (var row in MarkdownArticles.ReadFolderAsync(path, Parser(options), ct))
            {
                yield return row;
            }

            yield break;
        }

        var stream = OpenOrProblem<Article>(path, out var problem);
        if (stream is null)
        {
            yield return problem!;
            yield break;
        }

        await using (stream)
        {
            await foreach (var row in ReadArticlesAsync(stream, path, options, ct))
            {
                yield return row;
            }
        }
    }

    /// <summary>Reads articles from a CSV/JSON stream.</summary>
    public static async IAsyncEnumerable<ImportRow<Article>> ReadArticlesAsync(Stream stream, string fileName, ImportOptions options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var spec = FieldSpec.Create(FieldNames.Article, ExportPresets.Articles(options.Format), options.Mapping?.Articles);
        var mapper = new ArticleMapper(new RowReader(fileName, spec, Parser(options)), bodyIsHtml: options.Format == ImportFormat.Zendesk);
        await foreach (var row in MapAsync(ReadRecordsAsync(stream, fileName, spec, mapper, ct), spec, mapper, ct))
        {
            yield return row;
        }
    }

    /// <summary>Reads a self-service sessions file.</summary>
    public static async IAsyncEnumerable<ImportRow<SelfServiceSession>> ReadSessionsAsync(string path, ImportOptions options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var stream = OpenOrProblem<SelfServiceSession>(path, out var problem);
        if (stream is null)
        {
            yield return problem!;
            yield break;
        }

        await using (stream)
        {
            await foreach (var row in ReadSessionsAsync(stream, path, options, ct))
            {
                yield return row;
            }
        }
    }

    /// <summary>Reads sessions from a stream (an upload).</summary>
    public static async IAsyncEnumerable<ImportRow<SelfServiceSession>> ReadSessionsAsync(Stream stream, string fileName, ImportOptions options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var spec = FieldSpec.Create(FieldNames.Session, ExportPresets.Sessions, options.Mapping?.Sessions);
        var mapper = new SessionMapper(new RowReader(fileName, spec, Parser(options)));
        await foreach (var row in MapAsync(ReadRecordsAsync(stream, fileName, spec, mapper, ct), spec, mapper, ct))
        {
            yield return row;
        }
    }

    private static ValueParser Parser(ImportOptions options) => new(
        options.TimeZone,
        (options.Mapping?.DateFormats ?? []).Concat(ExportPresets.DateFormats(options.Format)),
        options.Mapping?.NullValues ?? [],
        options.Mapping?.ListSeparator ?? ';');

    private static FileStream? OpenOrProblem<T>(string path, out ImportRow<T>? problem)
        where T : class
    {
        try
        {
            problem = null;
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new ImportRow<T>(0, null, [new ImportProblem(path, 0, null, null, $"cannot open the file: {e.Message}")], null);
            return null;
        }
    }

    private static async IAsyncEnumerable<ImportRow<T>> MapAsync<T>(IAsyncEnumerable<SourceRecord> records, FieldSpec spec, IRecordMapper<T> mapper, [EnumeratorCancellation] CancellationToken ct)
        where T : class
    {
        ColumnBinding? binding = null;
        await foreach (var record in records.WithCancellation(ct))
        {
            if (record.IsFileProblem)
            {
                yield return new ImportRow<T>(record.Line, null, [record.Problem!], null);
                continue;
            }

            if (binding is null || !binding.Matches(record.Names))
            {
                binding = ColumnBinding.Bind(record.Names, spec);
            }

            yield return mapper.Map(record, binding);
        }
    }

    private static IAsyncEnumerable<SourceRecord> ReadRecordsAsync<T>(Stream stream, string fileName, FieldSpec spec, IRecordMapper<T> mapper, CancellationToken ct)
        where T : class =>
        IsJson(stream, fileName)
            ? ReadJsonAsync(stream, fileName, ct)
            : ReadCsvAsync(stream, fileName, names => mapper.CheckColumns(ColumnBinding.Bind(names, spec), 1).ToList(), ct);

    private static bool IsJson(Stream stream, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase) || extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || !stream.CanSeek)
        {
            return false;
        }

        // No telling extension: a file whose first character opens an array or object is JSON.
        var position = stream.Position;
        Span<byte> head = stackalloc byte[64];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = position;
        var text = head[..read];
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        text = text.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] is (byte)'[' or (byte)'{';
    }

    private static async IAsyncEnumerable<SourceRecord> ReadCsvAsync(Stream stream, string file, Func<string[], IReadOnlyList<ImportProblem>> checkHeader, [EnumeratorCancellation] CancellationToken ct)
    {
        var csv = new CsvRecordReader(stream);
        if (!await csv.ReadAsync(ct))
        {
            yield return csv.IsUnterminated
                ? SourceRecord.FileProblem(file, csv.Line, null, null, $"unterminated quoted field in the header starting on line {csv.Line}")
                : SourceRecord.FileProblem(file, 0, null, null, "the file is empty");
            yield break;
        }

        var names = new string[csv.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            string? name;
            try
            {
                name = csv.GetString(i).Trim();
            }
            catch (DecoderFallbackException)
            {
                name = null;
            }

            if (name is null)
            {
                yield return SourceRecord.FileProblem(file, csv.Line, $"#{i + 1}", null, "invalid UTF-8 in the header; save the file as UTF-8");
                yield break;
            }

            names[i] = name.Length == 0 ? $"column_{i + 1}" : name;
        }

        var headerProblems = checkHeader(names);
        if (headerProblems.Count > 0)
        {
            foreach (var problem in headerProblems)
            {
                yield return new SourceRecord { Line = problem.Line, Problem = problem, IsFileProblem = true };
            }

            yield break;
        }

        while (await csv.ReadAsync(ct))
        {
            var values = new string?[names.Length];
            ImportProblem? problem = null;
            var count = Math.Min(csv.FieldCount, names.Length);
            for (var i = 0; i < count; i++)
            {
                try
                {
                    values[i] = csv.GetString(i);
                }
                catch (DecoderFallbackException)
                {
                    problem ??= new ImportProblem(file, csv.Line, names[i], null, "invalid UTF-8; save the file as UTF-8");
                }
            }

            if (csv.FieldCount != names.Length)
            {
                problem ??= new ImportProblem(file, csv.Line, null, null, $"the row has {csv.FieldCount} fields but the header has {names.Length}");
            }

            if (csv.BadQuoteField >= 0)
            {
                var column = csv.BadQuoteField < names.Length ? names[csv.BadQuoteField] : null;
                problem ??= new ImportProblem(file, csv.Line, column, null, "text after a closing quote; quote the whole field and double inner quotes");
            }

            yield return new SourceRecord { Line = csv.Line, Names = names, Values = values, Problem = problem };
        }

        if (csv.IsUnterminated)
        {
            var column = csv.FieldCount < names.Length ? names[csv.FieldCount] : null;
            yield return SourceRecord.FileProblem(file, csv.Line, column, null, $"unterminated quoted field starting on line {csv.Line}: the quote never closes, so the rest of the file cannot be read");
        }
    }

    private static async IAsyncEnumerable<SourceRecord> ReadJsonAsync(Stream stream, string file, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = new JsonRecordReader(stream, file, ExportPresets.Wrappers);
        var names = new List<string>();
        var values = new List<string?>();
        string[] lastNames = [];
        await foreach (var (element, line, problem, fatal) in reader.ReadAsync(ct))
        {
            if (problem is not null)
            {
                yield return fatal ? new SourceRecord { Line = problem.Line, Problem = problem, IsFileProblem = true } : new SourceRecord { Line = line, Problem = problem };
                continue;
            }

            names.Clear();
            values.Clear();
            ImportProblem? bad = null;
            try
            {
                JsonRecordReader.Flatten(element, names, values);
            }
            catch (InvalidOperationException)
            {
                bad = new ImportProblem(file, line, null, null, "invalid UTF-8 in a string; save the file as UTF-8");
            }

            if (!SameNames(lastNames, names))
            {
                lastNames = names.ToArray();
            }

            yield return new SourceRecord { Line = line, Names = lastNames, Values = values.ToArray(), Element = element, Problem = bad };
        }
    }

    private static bool SameNames(string[] last, List<string> names)
    {
        if (last.Length != names.Count)
        {
            return false;
        }

        for (var i = 0; i < last.Length; i++)
        {
            if (!string.Equals(last[i], names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// ServiceNow exports one row per update of an incident; the latest one wins. "Latest" is the highest sys_mod_count
    /// (a counter ServiceNow bumps on every update, so it never ties), then the latest sys_updated_on (minute or second
    /// precision, so updates in the same minute tie), then the row further down the file.
    /// </summary>
    private static async IAsyncEnumerable<SourceRecord> LatestPerIdAsync(IAsyncEnumerable<SourceRecord> records, FieldSpec spec, ValueParser parser, [EnumeratorCancellation] CancellationToken ct)
    {
        var latest = new Dictionary<string, (SourceRecord Record, long Count, DateTimeOffset? At)>(StringComparer.Ordinal);
        var order = new List<string>();
        var idField = spec.IndexOf(FieldNames.Id);
        var orderNames = ExportPresets.ServiceNowOrder.Select(FieldNames.Normalize).ToArray();
        string[]? boundNames = null;
        int[] idColumns = [];
        var countColumn = -1;
        var timeColumns = new List<int>();
        await foreach (var record in records.WithCancellation(ct))
        {
            if (record.IsFileProblem || record.Problem is not null)
            {
                yield return record;
                continue;
            }

            if (!ReferenceEquals(boundNames, record.Names))
            {
                boundNames = record.Names;
                idColumns = ColumnBinding.Bind(record.Names, spec).Columns[idField];
                var normalized = record.Names.Select(FieldNames.Normalize).ToArray();
                countColumn = Array.IndexOf(normalized, orderNames[0]);
                timeColumns = orderNames.Skip(1).Select(n => Array.IndexOf(normalized, n)).Where(i => i >= 0).ToList();
            }

            string? id = null;
            foreach (var c in idColumns)
            {
                id ??= parser.Clean(record.Values[c])?.Trim();
            }

            if (id is null)
            {
                yield return record; // the mapper reports the missing id
                continue;
            }

            var count = countColumn >= 0 && long.TryParse(parser.Clean(record.Values[countColumn]), out var n) ? n : -1;
            DateTimeOffset? at = null;
            foreach (var c in timeColumns)
            {
                if (at is null && parser.Clean(record.Values[c]) is { } text && parser.TryParseDate(text, out var parsed))
                {
                    at = parsed;
                }
            }

            if (!latest.TryGetValue(id, out var current))
            {
                order.Add(id);
                latest[id] = (record, count, at);
            }
            else if (IsNewer(count, at, current.Count, current.At))
            {
                latest[id] = (record, count, at);
            }
        }

        foreach (var id in order)
        {
            yield return latest[id].Record;
        }

        static bool IsNewer(long count, DateTimeOffset? at, long currentCount, DateTimeOffset? currentAt)
        {
            if (count >= 0 && currentCount >= 0 && count != currentCount)
            {
                return count > currentCount;
            }

            if (at is { } a && currentAt is { } b && a != b)
            {
                return a > b;
            }

            return true; // a tie goes to the row further down the file
        }
    }
}
