using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>Reads typed field values out of one source record, collecting a problem for every value that does not parse.</summary>
internal sealed class RowReader(string file, FieldSpec spec, ValueParser parser)
{
    private const int MaximumValueLength = 80;

    private SourceRecord _record = new();
    private ColumnBinding? _binding;
    private List<ImportProblem>? _problems;

    public string File => file;

    public FieldSpec Spec => spec;

    public ValueParser Parser => parser;

    public SourceRecord Record => _record;

    public bool HasProblems => _problems is { Count: > 0 };

    public void Start(SourceRecord record, ColumnBinding binding)
    {
        _record = record;
        _binding = binding;
        _problems = null;
    }

    public IReadOnlyList<ImportProblem> Problems => _problems is null ? [] : _problems;

    public void Add(ImportProblem problem) => (_problems ??= new List<ImportProblem>(2)).Add(problem);

    public void Problem(string? column, string? value, string reason) =>
        Add(new ImportProblem(file, _record.Line, column, Shorten(value), reason));

    /// <summary>The first non-empty value of a field, with the column it came from.</summary>
    public string? Text(int field, out int column)
    {
        foreach (var c in _binding!.Columns[field])
        {
            var value = c < _record.Values.Length ? parser.Clean(_record.Values[c]) : null;
            if (value is not null)
            {
                column = c;
                return value;
            }
        }

        column = -1;
        return null;
    }

    public string? Text(int field) => Text(field, out _);

    public string? TrimmedText(int field) => Text(field)?.Trim();

    /// <summary>A required text; a problem naming the field when it is missing.</summary>
    public string? Required(int field, string what)
    {
        var value = Text(field)?.Trim();
        if (value is null)
        {
            Problem(ColumnName(field), null, $"missing {what}");
        }

        return value;
    }

    public DateTimeOffset? Date(int field, bool required = false)
    {
        var text = Text(field, out var column);
        if (text is null)
        {
            if (required)
            {
                Problem(ColumnName(field), null, $"missing {spec.Fields[field]}");
            }

            return null;
        }

        if (parser.TryParseDate(text, out var value))
        {
            return value;
        }

        Problem(_binding!.Names[column], text, "not a date: use ISO 8601 such as 2026-05-04 or 2026-05-04T09:12:00Z");
        return null;
    }

    public int? Count(int field)
    {
        var text = Text(field, out var column);
        if (text is null)
        {
            return null;
        }

        if (ValueParser.TryParseCount(text, out var value))
        {
            return value;
        }

        Problem(_binding!.Names[column], text, "not a whole number of 0 or more");
        return null;
    }

    public int? Level(int field)
    {
        var text = Text(field, out var column);
        if (text is null)
        {
            return null;
        }

        if (ValueParser.TryParseLevel(text, out var value))
        {
            return value;
        }

        Problem(_binding!.Names[column], text, "not a level number (0, 1, 2 or '2 - High')");
        return null;
    }

    public bool? Bool(int field)
    {
        var text = Text(field, out var column);
        if (text is null)
        {
            return null;
        }

        if (ValueParser.TryParseBool(text, out var value))
        {
            return value;
        }

        Problem(_binding!.Names[column], text, "not a boolean: use true/false, yes/no or 1/0");
        return null;
    }

    public double? Csat(int field)
    {
        var text = Text(field, out var column);
        if (text is null)
        {
            return null;
        }

        if (ValueParser.TryParseCsat(text, out var value))
        {
            return value;
        }

        Problem(_binding!.Names[column], text, "not a satisfaction score (a number, or good/bad)");
        return null;
    }

    public ResolvedBy? ResolvedBy(int field)
    {
        var text = Text(field, out var column);
        if (text is null)
        {
            return null;
        }

        if (ValueParser.TryParseResolvedBy(text, out var value))
        {
            return value;
        }

        Problem(_binding!.Names[column], text, "not one of agent, bot, self_service");
        return null;
    }

    public IReadOnlyList<string> List(int field)
    {
        var text = Text(field);
        return text is null ? [] : parser.SplitList(text);
    }

    /// <summary>The columns no field reads, by their original names (repeated columns joined with ';').</summary>
    public IReadOnlyDictionary<string, string> Attributes()
    {
        var attributes = _binding!.Attributes;
        Dictionary<string, string>? result = null;
        foreach (var c in attributes)
        {
            var value = c < _record.Values.Length ? parser.Clean(_record.Values[c]) : null;
            if (value is null)
            {
                continue;
            }

            result ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var name = _binding.Names[c];
            result[name] = result.TryGetValue(name, out var earlier) ? earlier + ";" + value : value;
        }

        return result ?? EmptyAttributes;
    }

    /// <summary>The name a missing field is reported under: the column that was looked for.</summary>
    public string ColumnName(int field) => _binding!.Columns[field] is [var c, ..] ? _binding.Names[c] : spec.Display[field][0];

    public static string? Shorten(string? value) => value is { Length: > MaximumValueLength } ? value[..(MaximumValueLength - 1)] + "…" : value;

    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
