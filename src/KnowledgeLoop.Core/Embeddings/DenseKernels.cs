using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Embeddings;

/// <summary>
/// The matrix products of the randomized SVD on row-major float arrays. Work is split into fixed row blocks
/// (not per thread), and every output element is summed by one thread in a fixed order, so results are identical
/// whatever the number of cores. With 512-bit vectors and widths that are multiples of 16 the products run
/// register-blocked kernels (<see cref="SparseRowPanel"/>, <see cref="DenseBlock4x64"/>, <see cref="DotKernel"/>);
/// otherwise the simple <c>TensorPrimitives</c> forms (kept as <c>*Simple</c>, also the tests' reference).
/// </summary>
internal static class DenseKernels
{
    private const int RowBlock = 256;
    private const int MicroRows = 8;
    private const int Panel = 256;

    // Output columns per pass of the sparse product: 8 registers of 16 floats (measured about twice as fast as 4
    // registers at width 272: half the passes over the sparse matrix, and each gathered row segment is 512 bytes).
    private const int SparsePanel = 128;

    // Fixed number of partial sums for the cross products: enough to keep both cores busy, independent of the core count.
    private const int Parts = 16;

    /// <summary>C (a.Rows × width) = A · B, with B row-major (a.Columns × width).</summary>
    public static float[] Multiply(SparseMatrix a, float[] b, int width, CancellationToken cancellationToken)
    {
        if (!Vector512.IsHardwareAccelerated || width % Vector512<float>.Count != 0)
        {
            return MultiplySimple(a, b, width, cancellationToken);
        }

        var result = new float[(long)a.Rows * width];
        var blocks = (a.Rows + RowBlock - 1) / RowBlock;
        for (var p0 = 0; p0 < width; p0 += SparsePanel)
        {
            var columns = Math.Min(SparsePanel, width - p0);
            void Block(int block)
            {
                var end = Math.Min(a.Rows, (block + 1) * RowBlock);
                for (var row = block * RowBlock; row < end; row++)
                {
                    SparseRowPanel(a.ColumnIndices, a.Values, a.RowPointers[row], a.RowPointers[row + 1], b, width, p0, columns, result, row);
                }
            }

            // One block (a query's row) runs inline: no thread-pool round trip for a request's embedding.
            if (blocks == 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Block(0);
            }
            else
            {
                Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, Block);
            }
        }

        return result;
    }

    /// <summary>
    /// Columns [p0, p0 + columns) of one output row: the sums stay in registers across the row's entries, so each entry
    /// costs one load of 128 (or 64, or 16) floats of B and as many fused multiply-adds, and the output is written once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SparseRowPanel(int[] indices, float[] values, int start, int end, float[] b, int width, int p0, int columns, float[] result, int row)
    {
        ref var b0 = ref MemoryMarshal.GetArrayDataReference(b);
        ref var output = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(result), ((nint)row * width) + p0);
        if (columns == 128)
        {
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
            Vector512<float> s4 = default, s5 = default, s6 = default, s7 = default;
            for (var p = start; p < end; p++)
            {
                var v = Vector512.Create(values[p]);
                ref var source = ref Unsafe.Add(ref b0, ((nint)indices[p] * width) + p0);
                s0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source), v, s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 16), v, s1);
                s2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 32), v, s2);
                s3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 48), v, s3);
                s4 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 64), v, s4);
                s5 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 80), v, s5);
                s6 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 96), v, s6);
                s7 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 112), v, s7);
            }

            s0.StoreUnsafe(ref output);
            s1.StoreUnsafe(ref output, 16);
            s2.StoreUnsafe(ref output, 32);
            s3.StoreUnsafe(ref output, 48);
            s4.StoreUnsafe(ref output, 64);
            s5.StoreUnsafe(ref output, 80);
            s6.StoreUnsafe(ref output, 96);
            s7.StoreUnsafe(ref output, 112);
            return;
        }

        if (columns == 64)
        {
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (var p = start; p < end; p++)
            {
                var v = Vector512.Create(values[p]);
                ref var source = ref Unsafe.Add(ref b0, ((nint)indices[p] * width) + p0);
                s0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source), v, s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 16), v, s1);
                s2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 32), v, s2);
                s3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, 48), v, s3);
            }

            s0.StoreUnsafe(ref output);
            s1.StoreUnsafe(ref output, 16);
            s2.StoreUnsafe(ref output, 32);
            s3.StoreUnsafe(ref output, 48);
            return;
        }

        for (nuint c = 0; c < (nuint)columns; c += 16)
        {
            Vector512<float> sum = default;
            for (var p = start; p < end; p++)
            {
                ref var source = ref Unsafe.Add(ref b0, ((nint)indices[p] * width) + p0);
                sum = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref source, c), Vector512.Create(values[p]), sum);
            }

            sum.StoreUnsafe(ref output, c);
        }
    }

    /// <summary>C = A · B one entry at a time with <see cref="TensorPrimitives"/>: the fallback and the reference.</summary>
    internal static float[] MultiplySimple(SparseMatrix a, float[] b, int width, CancellationToken cancellationToken)
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

    /// <summary>C (rows × outWidth) = Y (rows × width) · T (width × outWidth, doubles).</summary>
    public static float[] Multiply(float[] y, int rows, int width, double[] t, int outWidth, CancellationToken cancellationToken)
    {
        if (!Vector512.IsHardwareAccelerated || outWidth % Vector512<float>.Count != 0)
        {
            return MultiplySimple(y, rows, width, t, outWidth, cancellationToken);
        }

        var tf = new float[t.Length];
        for (var i = 0; i < t.Length; i++)
        {
            tf[i] = (float)t[i];
        }

        var result = new float[(long)rows * outWidth];
        var blocks = (rows + RowBlock - 1) / RowBlock;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            var end = Math.Min(rows, (block + 1) * RowBlock);
            var row = block * RowBlock;
            for (; row + 4 <= end; row += 4)
            {
                var p0 = 0;
                for (; p0 + 64 <= outWidth; p0 += 64)
                {
                    DenseBlock4x64(y, row, width, tf, outWidth, p0, result);
                }

                for (var r = row; r < row + 4; r++)
                {
                    DenseRow16(y, r, width, tf, outWidth, p0, result);
                }
            }

            for (; row < end; row++)
            {
                DenseRow16(y, row, width, tf, outWidth, 0, result);
            }
        });
        return result;
    }

    /// <summary>
    /// A 4-row × 64-column block of Y · T: 16 accumulators, and per step of the inner dimension 4 loads of T's row
    /// and 4 broadcasts of Y for 16 fused multiply-adds (a GEMM micro-kernel; T's panel stays in L1/L2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DenseBlock4x64(float[] y, int row, int width, float[] t, int outWidth, int p0, float[] result)
    {
        ref var y0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(y), (nint)row * width);
        ref var y1 = ref Unsafe.Add(ref y0, width);
        ref var y2 = ref Unsafe.Add(ref y1, width);
        ref var y3 = ref Unsafe.Add(ref y2, width);
        ref var tp = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(t), p0);
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector512<float> b0 = default, b1 = default, b2 = default, b3 = default;
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> d0 = default, d1 = default, d2 = default, d3 = default;
        for (var i = 0; i < width; i++)
        {
            ref var ti = ref Unsafe.Add(ref tp, (nint)i * outWidth);
            var t0 = Vector512.LoadUnsafe(ref ti);
            var t1 = Vector512.LoadUnsafe(ref ti, 16);
            var t2 = Vector512.LoadUnsafe(ref ti, 32);
            var t3 = Vector512.LoadUnsafe(ref ti, 48);
            var v = Vector512.Create(Unsafe.Add(ref y0, i));
            a0 = Vector512.FusedMultiplyAdd(t0, v, a0);
            a1 = Vector512.FusedMultiplyAdd(t1, v, a1);
            a2 = Vector512.FusedMultiplyAdd(t2, v, a2);
            a3 = Vector512.FusedMultiplyAdd(t3, v, a3);
            v = Vector512.Create(Unsafe.Add(ref y1, i));
            b0 = Vector512.FusedMultiplyAdd(t0, v, b0);
            b1 = Vector512.FusedMultiplyAdd(t1, v, b1);
            b2 = Vector512.FusedMultiplyAdd(t2, v, b2);
            b3 = Vector512.FusedMultiplyAdd(t3, v, b3);
            v = Vector512.Create(Unsafe.Add(ref y2, i));
            c0 = Vector512.FusedMultiplyAdd(t0, v, c0);
            c1 = Vector512.FusedMultiplyAdd(t1, v, c1);
            c2 = Vector512.FusedMultiplyAdd(t2, v, c2);
            c3 = Vector512.FusedMultiplyAdd(t3, v, c3);
            v = Vector512.Create(Unsafe.Add(ref y3, i));
            d0 = Vector512.FusedMultiplyAdd(t0, v, d0);
            d1 = Vector512.FusedMultiplyAdd(t1, v, d1);
            d2 = Vector512.FusedMultiplyAdd(t2, v, d2);
            d3 = Vector512.FusedMultiplyAdd(t3, v, d3);
        }

        ref var o = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(result), ((nint)row * outWidth) + p0);
        a0.StoreUnsafe(ref o);
        a1.StoreUnsafe(ref o, 16);
        a2.StoreUnsafe(ref o, 32);
        a3.StoreUnsafe(ref o, 48);
        o = ref Unsafe.Add(ref o, outWidth);
        b0.StoreUnsafe(ref o);
        b1.StoreUnsafe(ref o, 16);
        b2.StoreUnsafe(ref o, 32);
        b3.StoreUnsafe(ref o, 48);
        o = ref Unsafe.Add(ref o, outWidth);
        c0.StoreUnsafe(ref o);
        c1.StoreUnsafe(ref o, 16);
        c2.StoreUnsafe(ref o, 32);
        c3.StoreUnsafe(ref o, 48);
        o = ref Unsafe.Add(ref o, outWidth);
        d0.StoreUnsafe(ref o);
        d1.StoreUnsafe(ref o, 16);
        d2.StoreUnsafe(ref o, 32);
        d3.StoreUnsafe(ref o, 48);
    }

    /// <summary>Columns [p0, outWidth) of one row of Y · T, 16 at a time (the edges of the 4 × 64 blocks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DenseRow16(float[] y, int row, int width, float[] t, int outWidth, int p0, float[] result)
    {
        ref var yr = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(y), (nint)row * width);
        ref var t0 = ref MemoryMarshal.GetArrayDataReference(t);
        ref var o = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(result), (nint)row * outWidth);
        for (var c = p0; c < outWidth; c += 16)
        {
            Vector512<float> sum = default;
            for (var i = 0; i < width; i++)
            {
                sum = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref t0, (nuint)(((nint)i * outWidth) + c)), Vector512.Create(Unsafe.Add(ref yr, i)), sum);
            }

            sum.StoreUnsafe(ref o, (nuint)c);
        }
    }

    /// <summary>Y · T with zero rows of T skipped, one <see cref="TensorPrimitives"/> call per entry: the fallback and the reference.</summary>
    internal static float[] MultiplySimple(float[] y, int rows, int width, double[] t, int outWidth, CancellationToken cancellationToken)
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
            var scratch = new float[16 * width];
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

                if (Vector512.IsHardwareAccelerated)
                {
                    // Register-blocked dot products over the whole (zero-padded) panel, 16 rows of Xᵀ at a time;
                    // for Yᵀ·Y only the blocks on or above the diagonal.
                    for (var i0 = 0; i0 < width; i0 += 16)
                    {
                        var count = Math.Min(16, width - i0);
                        var from = symmetric ? i0 : 0;
                        var centers = width - from;
                        DotKernel.Dots(xt.AsSpan(i0 * Panel, count * Panel), count, yt.AsSpan(from * Panel, centers * Panel), centers, Panel, scratch);
                        for (var r = 0; r < count; r++)
                        {
                            var target = sums.AsSpan(((i0 + r) * width) + from, centers);
                            var source = scratch.AsSpan(r * centers, centers);
                            for (var j = 0; j < centers; j++)
                            {
                                target[j] += source[j];
                            }
                        }
                    }

                    continue;
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

        if (length < Panel)
        {
            // The last, short panel: zeros past its rows, so full-panel dot products add nothing for them.
            for (var i = 0; i < width; i++)
            {
                target.AsSpan((i * Panel) + length, Panel - length).Clear();
            }
        }
    }
}
