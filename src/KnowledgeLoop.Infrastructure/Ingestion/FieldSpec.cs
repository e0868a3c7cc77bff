namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>For each field of an entity, the source columns that may fill it (first non-empty wins), after the mapping file's overrides.</summary>
internal sealed class FieldSpec
{
    private FieldSpec(string[] fields, string[][] candidates, string[][] display, string[] ignoredPrefixes)
    {
        Fields = fields;
        Candidates = candidates;
        Display = display;
        IgnoredPrefixes = ignoredPrefixes;
    }

    /// <summary>The entity's fields (snake_case).</summary>
    public string[] Fields { get; }

    /// <summary>Per field, the normalized source names, in order of preference.</summary>
    public string[][] Candidates { get; }

    /// <summary>Per field, the source names as written (for messages).</summary>
    public string[][] Display { get; }

    /// <summary>Normalized column prefixes a preset reads itself and that are not kept as attributes.</summary>
    public string[] IgnoredPrefixes { get; }

    /// <summary>The index of a field.</summary>
    public int IndexOf(string field) => Array.IndexOf(Fields, field);

    /// <summary>Builds a spec: every field defaults to its own name, the preset adds or replaces sources, the mapping file replaces them.</summary>
    public static FieldSpec Create(string[] fields, IReadOnlyDictionary<string, string[]>? preset, IReadOnlyDictionary<string, IReadOnlyList<string>>? overrides, string[]? ignoredPrefixes = null)
    {
        var display = new string[fields.Length][];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            display[i] = overrides is not null && overrides.TryGetValue(field, out var mine) ? mine.ToArray()
                : preset is not null && preset.TryGetValue(field, out var theirs) ? theirs
                : [field];
        }

        var candidates = display.Select(list => list.Select(FieldNames.Normalize).ToArray()).ToArray();
        return new FieldSpec(fields, candidates, display, (ignoredPrefixes ?? []).Select(FieldNames.Normalize).ToArray());
    }
}
