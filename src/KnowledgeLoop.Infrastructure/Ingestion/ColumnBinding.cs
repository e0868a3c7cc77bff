namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>A <see cref="FieldSpec"/> resolved against one file's columns: which column indexes fill each field, which are attributes.</summary>
internal sealed class ColumnBinding
{
    private ColumnBinding(string[] names, int[][] columns, int[] attributes)
    {
        Names = names;
        Columns = columns;
        Attributes = attributes;
    }

    /// <summary>The column names bound.</summary>
    public string[] Names { get; }

    /// <summary>Per field, the column indexes that may fill it, in order of preference.</summary>
    public int[][] Columns { get; }

    /// <summary>Columns no field reads: kept as attributes.</summary>
    public int[] Attributes { get; }

    /// <summary>Binds the spec to the columns.</summary>
    public static ColumnBinding Bind(string[] names, FieldSpec spec)
    {
        var normalized = names.Select(FieldNames.Normalize).ToArray();
        var used = new bool[names.Length];
        var columns = new int[spec.Fields.Length][];
        for (var f = 0; f < spec.Fields.Length; f++)
        {
            var list = new List<int>(1);
            foreach (var candidate in spec.Candidates[f])
            {
                for (var c = 0; c < normalized.Length; c++)
                {
                    if (normalized[c] == candidate && !list.Contains(c))
                    {
                        list.Add(c);
                        used[c] = true;
                    }
                }
            }

            columns[f] = list.ToArray();
        }

        var attributes = new List<int>();
        for (var c = 0; c < names.Length; c++)
        {
            if (!used[c] && !Array.Exists(spec.IgnoredPrefixes, p => normalized[c].StartsWith(p, StringComparison.Ordinal)))
            {
                attributes.Add(c);
            }
        }

        return new ColumnBinding(names, columns, attributes.ToArray());
    }

    /// <summary>Whether two name lists are the same, so a JSON file's records can share one binding.</summary>
    public bool Matches(string[] names)
    {
        if (ReferenceEquals(names, Names))
        {
            return true;
        }

        if (names.Length != Names.Length)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (!string.Equals(names[i], Names[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
