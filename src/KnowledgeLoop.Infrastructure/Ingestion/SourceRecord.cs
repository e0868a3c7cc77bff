using System.Text.Json;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>One record as read from a file, before mapping: named raw values, the JSON behind them, or a problem.</summary>
internal sealed class SourceRecord
{
    /// <summary>The 1-based line where the record starts (0 for a problem with the file itself).</summary>
    public long Line { get; init; }

    /// <summary>Column names (CSV header, or flattened JSON paths); shared between records of one CSV file.</summary>
    public string[] Names { get; init; } = [];

    /// <summary>Raw values by column; null when the column is absent from this record.</summary>
    public string?[] Values { get; init; } = [];

    /// <summary>The JSON object the values were flattened from, for presets that read structure (changelogs, comments).</summary>
    public JsonElement? Element { get; init; }

    /// <summary>A problem found while reading the record (field count, encoding); the record is rejected with it.</summary>
    public ImportProblem? Problem { get; init; }

    /// <summary>True when the problem concerns the whole file: nothing after it can be trusted.</summary>
    public bool IsFileProblem { get; init; }

    /// <summary>A problem with the whole file.</summary>
    public static SourceRecord FileProblem(string file, long line, string? column, string? value, string reason) =>
        new() { Line = line, Problem = new ImportProblem(file, line, column, value, reason), IsFileProblem = true };

    /// <summary>The record's fields as name/value pairs for the rejects file.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Raw()
    {
        if (Element is { } element)
        {
            string text;
            try
            {
                text = element.GetRawText();
            }
            catch (InvalidOperationException)
            {
                text = "(not valid UTF-8)";
            }

            return [new("record", text)];
        }

        var raw = new List<KeyValuePair<string, string>>(Names.Length);
        for (var i = 0; i < Names.Length; i++)
        {
            raw.Add(new(Names[i], i < Values.Length ? Values[i] ?? string.Empty : string.Empty));
        }

        return raw;
    }
}
