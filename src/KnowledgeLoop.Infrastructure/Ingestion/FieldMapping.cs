using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>
/// A user's mapping of an export's columns onto KnowledgeLoop's fields, read from a small JSON or YAML file and laid
/// over the preset: a field named here takes these source columns (first one present wins) instead of the preset's.
/// The format is described in docs/mapping.md.
/// </summary>
public sealed class FieldMapping
{
    private static readonly string[] TopLevelKeys = ["tickets", "articles", "sessions", "date_formats", "null_values", "list_separator"];

    private FieldMapping(
        IReadOnlyDictionary<string, IReadOnlyList<string>> tickets,
        IReadOnlyDictionary<string, IReadOnlyList<string>> articles,
        IReadOnlyDictionary<string, IReadOnlyList<string>> sessions,
        IReadOnlyList<string> dateFormats,
        IReadOnlyList<string> nullValues,
        char? listSeparator)
    {
        Tickets = tickets;
        Articles = articles;
        Sessions = sessions;
        DateFormats = dateFormats;
        NullValues = nullValues;
        ListSeparator = listSeparator;
    }

    /// <summary>Ticket field (snake_case, e.g. <c>created_at</c>) to the source columns that fill it, in order of preference.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Tickets { get; }

    /// <summary>Article field to source columns.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Articles { get; }

    /// <summary>Session field to source columns.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sessions { get; }

    /// <summary>Extra .NET date formats tried after ISO 8601 (e.g. <c>dd-MM-yyyy HH:mm</c>).</summary>
    public IReadOnlyList<string> DateFormats { get; }

    /// <summary>Values read as empty (e.g. <c>?</c>, <c>N/A</c>).</summary>
    public IReadOnlyList<string> NullValues { get; }

    /// <summary>The separator of list fields; null keeps the default <c>;</c>.</summary>
    public char? ListSeparator { get; }

    /// <summary>Reads a mapping file (JSON when it ends in .json or starts with '{', YAML otherwise).</summary>
    /// <exception cref="ImportException">The file cannot be read or is not a valid mapping.</exception>
    public static FieldMapping Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(path, $"cannot read the mapping file: {e.Message}", e);
        }

        return Parse(text, Path.GetFileName(path));
    }

    /// <summary>Parses a mapping from text; <paramref name="fileName"/> picks JSON or YAML and names the file in errors.</summary>
    /// <exception cref="ImportException">The text is not a valid mapping.</exception>
    public static FieldMapping Parse(string text, string fileName)
    {
        var trimmed = text.AsSpan().TrimStart();
        var isJson = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || (trimmed.Length > 0 && trimmed[0] == '{');
        object? root;
        try
        {
            root = isJson ? FromJson(text) : FromYaml(text);
        }
        catch (JsonException e)
        {
            throw new ImportException(fileName, $"not valid JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }
        catch (YamlException e)
        {
            throw new ImportException(fileName, $"not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }

        if (root is not Dictionary<string, object?> top)
        {
            throw new ImportException(fileName, "a mapping file must be an object with 'tickets', 'articles' or 'sessions' sections");
        }

        foreach (var key in top.Keys)
        {
            if (Array.IndexOf(TopLevelKeys, FieldNames.Canonical(key)) < 0)
            {
                throw new ImportException(fileName, $"unknown section '{key}'; expected one of {string.Join(", ", TopLevelKeys)}");
            }
        }

        var separator = Scalar(top, "list_separator", fileName);
        if (separator is { Length: not 1 })
        {
            throw new ImportException(fileName, $"list_separator must be one character, not '{separator}'");
        }

        var dateFormats = List(top, "date_formats", fileName);
        foreach (var format in dateFormats)
        {
            try
            {
                _ = DateTime.Now.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new ImportException(fileName, $"'{format}' is not a valid date format");
            }
        }

        return new FieldMapping(
            Section(top, "tickets", FieldNames.Ticket, fileName),
            Section(top, "articles", FieldNames.Article, fileName),
            Section(top, "sessions", FieldNames.Session, fileName),
            dateFormats,
            List(top, "null_values", fileName),
            separator?[0]);
    }

    private static Dictionary<string, IReadOnlyList<string>> Section(Dictionary<string, object?> top, string name, string[] fields, string fileName)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var value = Find(top, name);
        if (value is null)
        {
            return result;
        }

        if (value is not Dictionary<string, object?> section)
        {
            throw new ImportException(fileName, $"'{name}' must map field names to column names");
        }

        foreach (var (key, sources) in section)
        {
            var field = FieldNames.Canonical(key);
            if (Array.IndexOf(fields, field) < 0)
            {
                throw new ImportException(fileName, $"'{key}' is not a {name[..^1]} field; expected one of {string.Join(", ", fields)}");
            }

            var list = sources switch
            {
                string one when one.Length > 0 => [one],
                List<object?> many when many.Count > 0 && many.TrueForAll(s => s is string { Length: > 0 }) => many.Cast<string>().ToArray(),
                _ => throw new ImportException(fileName, $"'{name}.{key}' must be a column name or a list of column names"),
            };
            result[field] = list;
        }

        return result;
    }

    private static string? Scalar(Dictionary<string, object?> top, string name, string fileName) => Find(top, name) switch
    {
        null => null,
        string s => s,
        _ => throw new ImportException(fileName, $"'{name}' must be a single value"),
    };

    private static string[] List(Dictionary<string, object?> top, string name, string fileName) => Find(top, name) switch
    {
        null => [],
        string s => [s],
        List<object?> many when many.TrueForAll(s => s is string) => many.Cast<string>().ToArray(),
        _ => throw new ImportException(fileName, $"'{name}' must be a list of strings"),
    };

    private static object? Find(Dictionary<string, object?> top, string name)
    {
        foreach (var (key, value) in top)
        {
            if (FieldNames.Canonical(key) == name)
            {
                return value;
            }
        }

        return null;
    }

    private static object? FromJson(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return Convert(document.RootElement);

        static object? Convert(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value), StringComparer.Ordinal),
            JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null => null,
            _ => element.GetRawText(),
        };
    }

    private static object? FromYaml(string text)
    {
        var raw = new DeserializerBuilder().Build().Deserialize<object?>(text);
        return Convert(raw);

        static object? Convert(object? node) => node switch
        {
            IDictionary<object, object?> map => map.ToDictionary(p => p.Key.ToString() ?? string.Empty, p => Convert(p.Value), StringComparer.Ordinal),
            IList<object?> list => list.Select(Convert).ToList(),
            _ => node?.ToString(),
        };
    }
}
