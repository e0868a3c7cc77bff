using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>
/// Batched dot products between a block of rows and a set of centres, the hot loop of k-means, k-means++ and
/// the silhouette. A register block of 4 rows × 2 centres loads each vector once per several products instead of
/// twice per product, which is what lets it beat one
/// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> per pair: single-threaded on
/// 20k × 40 × 256 it runs at about 50 GFLOP/s against 24. The kernels skip tiered compilation
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): their first, unoptimized tier runs several times slower.
/// </summary>
internal static class DotKernel
{
    /// <summary>
    /// <c>dots[i * centerCount + j] = row_i · center_j</c> for the <paramref name="rowCount"/> rows laid out
    /// row-major in <paramref name="rows"/> and the <paramref name="centerCount"/> centres in <paramref name="centers"/>.
    /// </summary>
    public static void Dots(
        ReadOnlySpan<float> rows, int rowCount, ReadOnlySpan<float> centers, int centerCount, int dimensions, Span<float> dots)
    {
        if (Vector512.IsHardwareAccelerated && dimensions % Vector512<float>.Count == 0)
        {
            Dots512(rows, rowCount, centers, centerCount, dimensions, dots);
        }
        else if (Vector256.IsHardwareAccelerated && dimensions % Vector256<float>.Count == 0)
        {
            Dots256(rows, rowCount, centers, centerCount, dimensions, dots);
        }
        else
        {
            for (var i = 0; i < rowCount; i++)
            {
                var row = rows.Slice(i * dimensions, dimensions);
                for (var j = 0; j < centerCount; j++)
                {
                    dots[(i * centerCount) + j] = TensorPrimitives.Dot(row, centers.Slice(j * dimensions, dimensions));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Dots512(
        ReadOnlySpan<float> rows, int rowCount, ReadOnlySpan<float> centers, int centerCount, int dimensions, Span<float> dots)
    {
        ref var r0 = ref MemoryMarshal.GetReference(rows);
        ref var c0 = ref MemoryMarshal.GetReference(centers);
        var width = Vector512<float>.Count;
        var i = 0;
        for (; i + 4 <= rowCount; i += 4)
        {
            ref var a0 = ref Unsafe.Add(ref r0, i * dimensions);
            ref var a1 = ref Unsafe.Add(ref a0, dimensions);
            ref var a2 = ref Unsafe.Add(ref a1, dimensions);
            ref var a3 = ref Unsafe.Add(ref a2, dimensions);
            var j = 0;
            for (; j + 2 <= centerCount; j += 2)
            {
                ref var b0 = ref Unsafe.Add(ref c0, j * dimensions);
                ref var b1 = ref Unsafe.Add(ref b0, dimensions);
                Vector512<float> s00 = default, s01 = default, s10 = default, s11 = default;
                Vector512<float> s20 = default, s21 = default, s30 = default, s31 = default;
                for (var k = 0; k < dimensions; k += width)
                {
                    var v0 = Vector512.LoadUnsafe(ref b0, (nuint)k);
                    var v1 = Vector512.LoadUnsafe(ref b1, (nuint)k);
                    var x = Vector512.LoadUnsafe(ref a0, (nuint)k);
                    s00 = Vector512.FusedMultiplyAdd(x, v0, s00);
                    s01 = Vector512.FusedMultiplyAdd(x, v1, s01);
                    x = Vector512.LoadUnsafe(ref a1, (nuint)k);
                    s10 = Vector512.FusedMultiplyAdd(x, v0, s10);
                    s11 = Vector512.FusedMultiplyAdd(x, v1, s11);
                    x = Vector512.LoadUnsafe(ref a2, (nuint)k);
                    s20 = Vector512.FusedMultiplyAdd(x, v0, s20);
                    s21 = Vector512.FusedMultiplyAdd(x, v1, s21);
                    x = Vector512.LoadUnsafe(ref a3, (nuint)k);
                    s30 = Vector512.FusedMultiplyAdd(x, v0, s30);
                    s31 = Vector512.FusedMultiplyAdd(x, v1, s31);
                }

                var o = (i * centerCount) + j;
                dots[o] = Vector512.Sum(s00);
                dots[o + 1] = Vector512.Sum(s01);
                o += centerCount;
                dots[o] = Vector512.Sum(s10);
                dots[o + 1] = Vector512.Sum(s11);
                o += centerCount;
                dots[o] = Vector512.Sum(s20);
                dots[o + 1] = Vector512.Sum(s21);
                o += centerCount;
                dots[o] = Vector512.Sum(s30);
                dots[o + 1] = Vector512.Sum(s31);
            }

            for (; j < centerCount; j++)
            {
                ref var b0 = ref Unsafe.Add(ref c0, j * dimensions);
                Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
                for (var k = 0; k < dimensions; k += width)
                {
                    var v0 = Vector512.LoadUnsafe(ref b0, (nuint)k);
                    s0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a0, (nuint)k), v0, s0);
                    s1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a1, (nuint)k), v0, s1);
                    s2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a2, (nuint)k), v0, s2);
                    s3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a3, (nuint)k), v0, s3);
                }

                var o = (i * centerCount) + j;
                dots[o] = Vector512.Sum(s0);
                dots[o + centerCount] = Vector512.Sum(s1);
                dots[o + (2 * centerCount)] = Vector512.Sum(s2);
                dots[o + (3 * centerCount)] = Vector512.Sum(s3);
            }
        }

        for (; i < rowCount; i++)
        {
            ref var a0 = ref Unsafe.Add(ref r0, i * dimensions);
            for (var j = 0; j < centerCount; j++)
            {
                ref var b0 = ref Unsafe.Add(ref c0, j * dimensions);
                Vector512<float> s = default;
                for (var k = 0; k < dimensions; k += width)
                {
                    s = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a0, (nuint)k), Vector512.LoadUnsafe(ref b0, (nuint)k), s);
                }

                dots[(i * centerCount) + j] = Vector512.Sum(s);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Dots256(
        ReadOnlySpan<float> rows, int rowCount, ReadOnlySpan<float> centers, int centerCount, int dimensions, Span<float> dots)
    {
        ref var r0 = ref MemoryMarshal.GetReference(rows);
        ref var c0 = ref MemoryMarshal.GetReference(centers);
        var width = Vector256<float>.Count;
        var i = 0;
        for (; i + 4 <= rowCount; i += 4)
        {
            ref var a0 = ref Unsafe.Add(ref r0, i * dimensions);
            ref var a1 = ref Unsafe.Add(ref a0, dimensions);
            ref var a2 = ref Unsafe.Add(ref a1, dimensions);
            ref var a3 = ref Unsafe.Add(ref a2, dimensions);
            var j = 0;
            for (; j + 2 <= centerCount; j += 2)
            {
                ref var b0 = ref Unsafe.Add(ref c0, j * dimensions);
                ref var b1 = ref Unsafe.Add(ref b0, dimensions);
                Vector256<float> s00 = default, s01 = default, s10 = default, s11 = default;
                Vector256<float> s20 = default, s21 = default, s30 = default, s31 = default;
                for (var k = 0; k < dimensions; k += width)
                {
                    var v0 = Vector256.LoadUnsafe(ref b0, (nuint)k);
                    var v1 = Vector256.LoadUnsafe(ref b1, (nuint)k);
                    var x = Vector256.LoadUnsafe(ref a0, (nuint)k);
                    s00 = Vector256.FusedMultiplyAdd(x, v0, s00);
                    s01 = Vector256.FusedMultiplyAdd(x, v1, s01);
                    x = Vector256.LoadUnsafe(ref a1, (nuint)k);
                    s10 = Vector256.FusedMultiplyAdd(x, v0, s10);
                    s11 = Vector256.FusedMultiplyAdd(x, v1, s11);
                    x = Vector256.LoadUnsafe(ref a2, (nuint)k);
                    s20 = Vector256.FusedMultiplyAdd(x, v0, s20);
                    s21 = Vector256.FusedMultiplyAdd(x, v1, s21);
                    x = Vector256.LoadUnsafe(ref a3, (nuint)k);
                    s30 = Vector256.FusedMultiplyAdd(x, v0, s30);
                    s31 = Vector256.FusedMultiplyAdd(x, v1, s31);
                }

                var o = (i * centerCount) + j;
                dots[o] = Vector256.Sum(s00);
                dots[o + 1] = Vector256.Sum(s01);
                o += centerCount;
                dots[o] = Vector256.Sum(s10);
                dots[o + 1] = Vector256.Sum(s11);
                o += centerCount;
                dots[o] = Vector256.Sum(s20);
                dots[o + 1] = Vector256.Sum(s21);
                o += centerCount;
                dots[o] = Vector256.Sum(s30);
                dots[o + 1] = Vector256.Sum(s31);
            }

            for (; j < centerCount; j++)
            {
                ref var b0 = ref Unsafe.Add(ref c0, j * dimensions);
                Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
                for (var k = 0; k < dimensions; k += width)
                {
                    var v0 = Vector256.LoadUnsafe(ref b0, (nuint)k);
                    s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a0, (nuint)k), v0, s0);
                    s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a1, (nuint)k), v0, s1);
                    s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a2, (nuint)k), v0, s2);
                    s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a3, (nuint)k), v0, s3);
                }

                var o = (i * centerCount) + j;
                dots[o] = Vector256.Sum(s0);
                dots[o + centerCount] = Vector256.Sum(s1);
                dots[o + (2 * centerCount)] = Vector256.Sum(s2);
                dots[o + (3 * centerCount)] = Vector256.Sum(s3);
            }
        }

        for (; i < rowCount; i++)
        {
            ref var a0 = ref Unsafe.Add(ref r0, i * dimensions);
            for (var j = 0; j < centerCount; j++)
            {
                ref var b0 = ref Unsafe.Add(ref c0, j * dimensions);
                Vector256<float> s = default;
                for (var k = 0; k < dimensions; k += width)
                {
                    s = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a0, (nuint)k), Vector256.LoadUnsafe(ref b0, (nuint)k), s);
                }

                dots[(i * centerCount) + j] = Vector256.Sum(s);
            }
        }
    }

    /// <summary>Squared norms of every row.</summary>
    public static float[] SquaredNorms(VectorMatrix matrix)
    {
        var norms = new float[matrix.Rows];
        for (var i = 0; i < norms.Length; i++)
        {
            ReadOnlySpan<float> row = matrix.Row(i);
            norms[i] = TensorPrimitives.Dot(row, row);
        }

        return norms;
    }
}
