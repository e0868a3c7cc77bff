using System.Numerics.Tensors;

namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// Dense vectors stored row-major in one array: what the embedder produces and what clustering, matching and
/// the vector index read. One allocation for the whole set keeps SIMD scans cache-friendly.
/// </summary>
public sealed class VectorMatrix
{
    /// <summary>A zero matrix of <paramref name="rows"/> vectors of <paramref name="dimensions"/> floats.</summary>
    public VectorMatrix(int rows, int dimensions)
        : this(new float[checked(rows * dimensions)], rows, dimensions)
    {
    }

    /// <summary>Wraps <paramref name="data"/> (row-major, not copied).</summary>
    public VectorMatrix(float[] data, int rows, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (data.Length != (long)rows * dimensions)
        {
            throw new ArgumentException($"{data.Length} floats are not {rows} rows of {dimensions}.", nameof(data));
        }

        Data = data;
        Rows = rows;
        Dimensions = dimensions;
    }

    /// <summary>How many vectors.</summary>
    public int Rows { get; }

    /// <summary>The length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>All vectors, row after row.</summary>
    public float[] Data { get; }

    /// <summary>Vector <paramref name="row"/>, writable.</summary>
    public Span<float> Row(int row) => Data.AsSpan(row * Dimensions, Dimensions);

    /// <summary>Vector <paramref name="row"/> as memory (for APIs that keep it, such as <c>Embedding&lt;float&gt;</c>).</summary>
    public ReadOnlyMemory<float> RowMemory(int row) => Data.AsMemory(row * Dimensions, Dimensions);

    /// <summary>Copies the vectors into one matrix; every vector must have the same length.</summary>
    public static VectorMatrix FromRows(IReadOnlyList<ReadOnlyMemory<float>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("No vectors.", nameof(rows));
        }

        var dimensions = rows[0].Length;
        var matrix = new VectorMatrix(rows.Count, dimensions);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != dimensions)
            {
                throw new ArgumentException($"Vector {i} has {rows[i].Length} dimensions, not {dimensions}.", nameof(rows));
            }

            rows[i].Span.CopyTo(matrix.Row(i));
        }

        return matrix;
    }

    /// <summary>A new matrix of the given rows, in the given order.</summary>
    public VectorMatrix Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var subset = new VectorMatrix(rows.Count, Dimensions);
        for (var i = 0; i < rows.Count; i++)
        {
            Row(rows[i]).CopyTo(subset.Row(i));
        }

        return subset;
    }

    /// <summary>Scales every non-zero row to unit length, so dot products are cosine similarities.</summary>
    public void NormalizeRows()
    {
        for (var i = 0; i < Rows; i++)
        {
            var row = Row(i);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0f)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }
    }
}
