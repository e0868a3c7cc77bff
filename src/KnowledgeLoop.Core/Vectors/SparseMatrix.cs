namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// A sparse matrix in compressed sparse row form (CSR): row <c>i</c> holds the columns
/// <c>ColumnIndices[RowPointers[i]..RowPointers[i + 1]]</c>, ascending, with their <see cref="Values"/>.
/// The TF-IDF matrix of a corpus lives here; it is never expanded to documents × vocabulary.
/// </summary>
public sealed class SparseMatrix
{
    /// <summary>Wraps CSR arrays (not copied).</summary>
    public SparseMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowPointers.Length != rows + 1 || rowPointers[0] != 0 || rowPointers[rows] != columnIndices.Length || columnIndices.Length != values.Length)
        {
            throw new ArgumentException("The CSR arrays do not describe a matrix of that shape.", nameof(rowPointers));
        }

        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    /// <summary>How many rows.</summary>
    public int Rows { get; }

    /// <summary>How many columns.</summary>
    public int Columns { get; }

    /// <summary>How many stored (non-zero) entries.</summary>
    public int NonZeroCount => Values.Length;

    /// <summary>Where each row starts in <see cref="ColumnIndices"/> and <see cref="Values"/>; one more entry than rows.</summary>
    public int[] RowPointers { get; }

    /// <summary>The column of every stored entry, row after row, ascending within a row.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>The value of every stored entry.</summary>
    public float[] Values { get; }

    /// <summary>The columns stored in row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> RowColumns(int row) => ColumnIndices.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    /// <summary>The values stored in row <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowPointers[row], RowPointers[row + 1] - RowPointers[row]);

    /// <summary>The transpose, also in CSR form (so the columns of this matrix become rows, in row order).</summary>
    public SparseMatrix Transpose()
    {
        var pointers = new int[Columns + 1];
        foreach (var column in ColumnIndices)
        {
            pointers[column + 1]++;
        }

        for (var i = 0; i < Columns; i++)
        {
            pointers[i + 1] += pointers[i];
        }

        var next = pointers.AsSpan(0, Columns).ToArray();
        var indices = new int[NonZeroCount];
        var values = new float[NonZeroCount];
        for (var row = 0; row < Rows; row++)
        {
            for (var p = RowPointers[row]; p < RowPointers[row + 1]; p++)
            {
                var slot = next[ColumnIndices[p]]++;
                indices[slot] = row;
                values[slot] = Values[p];
            }
        }

        return new SparseMatrix(Columns, Rows, pointers, indices, values);
    }
}
