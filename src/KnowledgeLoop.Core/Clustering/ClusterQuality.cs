namespace KnowledgeLoop.Core.Clustering;

/// <summary>
/// Agreement between two labelings of the same points, as scikit-learn computes it. Labels are arbitrary
/// integers (−1 is a label like any other).
/// <list type="bullet">
/// <item>Adjusted Rand Index: (Σᵢⱼ C(nᵢⱼ,2) − E) / (½(Σᵢ C(aᵢ,2) + Σⱼ C(bⱼ,2)) − E) with
/// E = Σᵢ C(aᵢ,2) · Σⱼ C(bⱼ,2) / C(n,2); 1 for identical partitions, about 0 for chance, negative below chance.</item>
/// <item>Normalized Mutual Information: I(U;V) / ((H(U) + H(V)) / 2), natural logarithms, arithmetic-mean
/// normalization (scikit-learn's default).</item>
/// </list>
/// </summary>
public static class ClusterQuality
{
    /// <summary>Adjusted Rand Index of two labelings (1.0 when both put everything in one cluster, or are identical).</summary>
    public static double AdjustedRandIndex(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPredicted)
    {
        var table = Contingency.Build(labelsTrue, labelsPredicted);
        double sumCells = 0;
        foreach (var count in table.Cells.Values)
        {
            sumCells += Pairs(count);
        }

        double sumRows = 0;
        foreach (var count in table.RowSums)
        {
            sumRows += Pairs(count);
        }

        double sumColumns = 0;
        foreach (var count in table.ColumnSums)
        {
            sumColumns += Pairs(count);
        }

        var total = Pairs(table.Total);
        if (total == 0)
        {
            return 1.0;
        }

        var expected = sumRows * sumColumns / total;
        var maximum = (sumRows + sumColumns) / 2;
        var denominator = maximum - expected;

        // Both labelings trivial (one cluster each, or all singletons): scikit-learn calls that perfect agreement.
        return denominator == 0 ? 1.0 : (sumCells - expected) / denominator;
    }

    /// <summary>Normalized Mutual Information (arithmetic mean of the entropies) of two labelings.</summary>
    public static double NormalizedMutualInformation(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPredicted)
    {
        var table = Contingency.Build(labelsTrue, labelsPredicted);
        if ((table.RowSums.Length == 1 && table.ColumnSums.Length == 1) || table.Total == 0)
        {
            return 1.0;
        }

        double n = table.Total;
        double mutual = 0;
        foreach (var ((row, column), count) in table.Cells)
        {
            mutual += count / n * Math.Log(count * n / ((double)table.RowSums[row] * table.ColumnSums[column]));
        }

        mutual = Math.Max(0, mutual);
        if (mutual == 0)
        {
            return 0.0;
        }

        var normalizer = (Entropy(table.RowSums, n) + Entropy(table.ColumnSums, n)) / 2;
        return mutual / normalizer;
    }

    private static double Pairs(long count) => count * (count - 1) / 2.0;

    private static double Entropy(long[] sums, double n)
    {
        double entropy = 0;
        foreach (var count in sums)
        {
            if (count > 0)
            {
                entropy -= count / n * Math.Log(count / n);
            }
        }

        return entropy;
    }

    private sealed class Contingency
    {
        public required Dictionary<(int Row, int Column), long> Cells { get; init; }

        public required long[] RowSums { get; init; }

        public required long[] ColumnSums { get; init; }

        public required long Total { get; init; }

        public static Contingency Build(ReadOnlySpan<int> labelsTrue, ReadOnlySpan<int> labelsPredicted)
        {
            if (labelsTrue.Length != labelsPredicted.Length)
            {
                throw new ArgumentException($"{labelsTrue.Length} true labels but {labelsPredicted.Length} predicted.", nameof(labelsPredicted));
            }

            var rows = new Dictionary<int, int>();
            var columns = new Dictionary<int, int>();
            var cells = new Dictionary<(int, int), long>();
            var rowSums = new List<long>();
            var columnSums = new List<long>();
            for (var i = 0; i < labelsTrue.Length; i++)
            {
                if (!rows.TryGetValue(labelsTrue[i], out var row))
                {
                    row = rows.Count;
                    rows.Add(labelsTrue[i], row);
                    rowSums.Add(0);
                }

                if (!columns.TryGetValue(labelsPredicted[i], out var column))
                {
                    column = columns.Count;
                    columns.Add(labelsPredicted[i], column);
                    columnSums.Add(0);
                }

                rowSums[row]++;
                columnSums[column]++;
                cells[(row, column)] = cells.GetValueOrDefault((row, column)) + 1;
            }

            return new Contingency
            {
                Cells = cells,
                RowSums = [.. rowSums],
                ColumnSums = [.. columnSums],
                Total = labelsTrue.Length,
            };
        }
    }
}
