using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Embeddings;

/// <summary>
/// The matrix products of the randomized SVD on row-major float arrays. Work is split into fixed row blocks
/// (not per thread), and every output element is summed by one thread in a fixed order, so results are identical
/// whatever the number of cores.
/// </summary>
internal static class DenseKernels
{
    private const int RowBlock = 256;
    private const int MicroRows = 8;
    private const int Panel = 256;

    // Fixed number of partial sums for the cross products: enough to keep both cores busy, independent of the core count.
    private const int Parts = 16;

    /// <summary>C (a.Rows × width) = A · B, with B row-major (a.Columns × width).</summary>
    public static float[] Multiply(SparseMatrix a, float[] b, int width, CancellationToken cancellationToken)
    {
        var result = new float[(long)a.Rows * width];
        var blocks = (a.Rows + RowBlock - 1) / RowBlock;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            var end = Math.Min(a.Rows, (block + 1) * RowBlock);
            for (var row = block * RowBlock; row < end; row++)
            {
                var output = result.AsSpan(row * width, width);
                var columns = a.RowColumns(row);
                var values = a.RowValues(row);
                for (var p = 0; p < columns.Length; p++)
                {
                    TensorPrimitives.MultiplyAdd(b.AsSpan(columns[p] * width, width), values[p], output, output);
                }
            }
        });
        return result;
    }

    /// <summary>C (rows × outWidth) = Y (rows × width) · T (width × outWidth, doubles); zero rows of T are skipped.</summary>
    public static float[] Multiply(float[] y, int rows, int width, double[] t, int outWidth, CancellationToken cancellationToken)
    {
        var tf = new float[t.Length];
        for (var i = 0; i < t.Length; i++)
        {
            tf[i] = (float)t[i];
        }

        // Each row of T is used from its first non-zero on (T is triangular after the pivoted Cholesky).
        var first = new int[width];
        for (var i = 0; i < width; i++)
        {
            var j = 0;
            while (j < outWidth && tf[i * outWidth + j] == 0)
            {
                j++;
            }

            first[i] = j;
        }

        var result = new float[(long)rows * outWidth];
        var blocks = (rows + RowBlock - 1) / RowBlock;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            var end = Math.Min(rows, (block + 1) * RowBlock);

            // A few rows at a time, so each row of T is read once from cache for all of them.
            for (var row0 = block * RowBlock; row0 < end; row0 += MicroRows)
            {
                var row1 = Math.Min(end, row0 + MicroRows);
                for (var i = 0; i < width; i++)
                {
                    var from = first[i];
                    if (from == outWidth)
                    {
                        continue;
                    }

                    var source = tf.AsSpan(i * outWidth + from, outWidth - from);
                    for (var row = row0; row < row1; row++)
                    {
                        var factor = y[row * width + i];
                        if (factor != 0)
                        {
                            var output = result.AsSpan(row * outWidth + from, outWidth - from);
                            TensorPrimitives.MultiplyAdd(source, factor, output, output);
                        }
                    }
                }
            }
        });
        return result;
    }

    /// <summary>Yᵀ·Y (width × width, symmetric), accumulated in double across panels.</summary>
    public static double[] Gram(float[] y, int rows, int width, CancellationToken cancellationToken) =>
        Cross(y, y, rows, width, symmetric: true, cancellationToken);

    /// <summary>Xᵀ·Y (width × width) for two row-major matrices of the same shape, accumulated in double across panels.</summary>
    public static double[] CrossProduct(float[] x, float[] y, int rows, int width, CancellationToken cancellationToken) =>
        Cross(x, y, rows, width, symmetric: false, cancellationToken);

    /// <summary>
    /// Panels of rows are transposed so every entry is one SIMD dot product over the panel (from cache); panels
    /// are grouped into a fixed number of parts summed in order, so the result does not depend on the core count.
    /// </summary>
    private static double[] Cross(float[] x, float[] y, int rows, int width, bool symmetric, CancellationToken cancellationToken)
    {
        var panels = (rows + Panel - 1) / Panel;
        var parts = Math.Min(Parts, Math.Max(1, panels));
        var panelsPerPart = (panels + parts - 1) / parts;
        var partials = new double[parts][];
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = cancellationToken }, part =>
        {
            var sums = new double[width * width];
            var xt = new float[width * Panel];
            var yt = symmetric ? xt : new float[width * Panel];
            var lastPanel = Math.Min(panels, (part + 1) * panelsPerPart);
            for (var panel = part * panelsPerPart; panel < lastPanel; panel++)
            {
                var row0 = panel * Panel;
                var length = Math.Min(Panel, rows - row0);
                Transpose(x, row0, length, width, xt);
                if (!symmetric)
                {
                    Transpose(y, row0, length, width, yt);
                }

                for (var i = 0; i < width; i++)
                {
                    var left = xt.AsSpan(i * Panel, length);
                    for (var j = symmetric ? i : 0; j < width; j++)
                    {
                        sums[i * width + j] += TensorPrimitives.Dot(left, yt.AsSpan(j * Panel, length));
                    }
                }
            }

            partials[part] = sums;
        });

        var total = new double[width * width];
        foreach (var partial in partials)
        {
            TensorPrimitives.Add(total, partial, total);
        }

        if (symmetric)
        {
            for (var i = 0; i < width; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    total[i * width + j] = total[j * width + i];
                }
            }
        }

        return total;
    }

    private static void Transpose(float[] source, int row0, int length, int width, float[] target)
    {
        for (var r = 0; r < length; r++)
        {
            var row = source.AsSpan((row0 + r) * width, width);
            for (var i = 0; i < width; i++)
            {
                target[i * Panel + r] = row[i];
            }
        }
    }
}
