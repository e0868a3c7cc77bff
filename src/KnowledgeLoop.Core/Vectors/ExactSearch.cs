using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using KnowledgeLoop.Core.Clustering;

namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// Exact top-k search by dot product, many queries at once, shaped like a matrix multiply: a block of queries is
/// multiplied with a tile of database rows that stays in the L2 cache (the register-blocked kernel of
/// <see cref="DotKernel"/>), and each query keeps its best k in a small heap that a SIMD comparison against the
/// current k-th score skips for most tiles. Blocks run on every core; a single query splits the database instead.
/// Ties go to the lower row, so the result does not depend on the split.
/// </summary>
public static class ExactSearch
{
    private const int QueryBlock = 32;
    private const int Tile = 512;

    /// <summary>
    /// For each of the <paramref name="queryCount"/> queries (row-major in <paramref name="queries"/>), the rows of
    /// <paramref name="database"/> with the <paramref name="k"/> highest dot products, best first, into
    /// <paramref name="indices"/> and <paramref name="scores"/> (queryCount × k; −1 and −∞ where the database is smaller).
    /// </summary>
    public static void TopK(
        float[] database, int rows, float[] queries, int queryCount, int dimensions, int k, int[] indices, float[] scores, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if ((long)rows * dimensions > database.Length || (long)queryCount * dimensions > queries.Length
            || (long)queryCount * k > indices.Length || (long)queryCount * k > scores.Length)
        {
            throw new ArgumentException("The arrays are smaller than the sizes given.");
        }

        var workers = Math.Max(1, threads ?? Environment.ProcessorCount);
        var queryBlocks = (queryCount + QueryBlock - 1) / QueryBlock;
        var tiles = Math.Max(1, (rows + Tile - 1) / Tile);

        // Enough independent pieces for every worker: split the database too when there are few query blocks.
        var parts = queryBlocks >= 2 * workers ? 1 : Math.Min(tiles, Math.Max(1, (2 * workers) / Math.Max(1, queryBlocks)));
        var tilesPerPart = (tiles + parts - 1) / parts;
        var partIndices = parts == 1 ? null : new int[parts][];
        var partScores = parts == 1 ? null : new float[parts][];
        if (parts > 1)
        {
            for (var p = 0; p < parts; p++)
            {
                partIndices![p] = new int[queryCount * k];
                partScores![p] = new float[queryCount * k];
            }
        }

        Parallel.For(0, queryBlocks * parts, new ParallelOptions { MaxDegreeOfParallelism = workers }, piece =>
        {
            var block = piece / parts;
            var part = piece % parts;
            var q0 = block * QueryBlock;
            var qn = Math.Min(QueryBlock, queryCount - q0);
            var outIndices = parts == 1 ? indices : partIndices![part];
            var outScores = parts == 1 ? scores : partScores![part];
            outIndices.AsSpan(q0 * k, qn * k).Fill(-1);
            outScores.AsSpan(q0 * k, qn * k).Fill(float.NegativeInfinity);
            var dots = new float[QueryBlock * Tile];
            var rowEnd = Math.Min(rows, (part + 1) * tilesPerPart * Tile);
            for (var r0 = part * tilesPerPart * Tile; r0 < rowEnd; r0 += Tile)
            {
                var rn = Math.Min(Tile, rowEnd - r0);
                DotKernel.Dots(
                    queries.AsSpan(q0 * dimensions, qn * dimensions), qn, database.AsSpan(r0 * dimensions, rn * dimensions), rn, dimensions, dots);
                for (var q = 0; q < qn; q++)
                {
                    Offer(dots.AsSpan(q * rn, rn), r0, outScores.AsSpan((q0 + q) * k, k), outIndices.AsSpan((q0 + q) * k, k));
                }
            }
        });

        if (parts > 1)
        {
            for (var q = 0; q < queryCount; q++)
            {
                var heapScores = scores.AsSpan(q * k, k);
                var heapIndices = indices.AsSpan(q * k, k);
                heapScores.Fill(float.NegativeInfinity);
                heapIndices.Fill(-1);
                for (var p = 0; p < parts; p++)
                {
                    for (var i = 0; i < k; i++)
                    {
                        var index = partIndices![p][(q * k) + i];
                        if (index >= 0)
                        {
                            Push(heapScores, heapIndices, partScores![p][(q * k) + i], index);
                        }
                    }
                }
            }
        }

        for (var q = 0; q < queryCount; q++)
        {
            SortBestFirst(scores.AsSpan(q * k, k), indices.AsSpan(q * k, k));
        }
    }

    /// <summary>Offers one query's dot products with rows <c>[first, first + dots.Length)</c> to its heap of the best k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Offer(ReadOnlySpan<float> dots, int first, Span<float> heapScores, Span<int> heapIndices)
    {
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref var d0 = ref MemoryMarshal.GetReference(dots);
            for (; j + 16 <= dots.Length; j += 16)
            {
                // Most tiles hold nothing better than the current k-th score: one comparison skips 16 rows.
                if (!Vector512.GreaterThanAny(Vector512.LoadUnsafe(ref d0, (nuint)j), Vector512.Create(heapScores[0])))
                {
                    continue;
                }

                for (var t = j; t < j + 16; t++)
                {
                    if (dots[t] > heapScores[0])
                    {
                        ReplaceTop(heapScores, heapIndices, dots[t], first + t);
                    }
                }
            }
        }

        for (; j < dots.Length; j++)
        {
            if (dots[j] > heapScores[0])
            {
                ReplaceTop(heapScores, heapIndices, dots[j], first + j);
            }
        }
    }

    /// <summary>Adds (score, index) to a full min-heap of k, ordered by score then preferring the lower index.</summary>
    private static void Push(Span<float> scores, Span<int> indices, float score, int index)
    {
        if (Weaker(scores[0], indices[0], score, index))
        {
            ReplaceTop(scores, indices, score, index);
        }
    }

    private static bool Weaker(float score, int index, float otherScore, int otherIndex) =>
        score < otherScore || (score == otherScore && (index < 0 || (otherIndex >= 0 && index > otherIndex)));

    private static void ReplaceTop(Span<float> scores, Span<int> indices, float score, int index)
    {
        var n = scores.Length;
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= n)
            {
                break;
            }

            if (child + 1 < n && Weaker(scores[child + 1], indices[child + 1], scores[child], indices[child]))
            {
                child++;
            }

            if (!Weaker(scores[child], indices[child], score, index))
            {
                break;
            }

            scores[i] = scores[child];
            indices[i] = indices[child];
            i = child;
        }

        scores[i] = score;
        indices[i] = index;
    }

    private static void SortBestFirst(Span<float> scores, Span<int> indices)
    {
        // k is small: insertion sort, best (highest score, then lowest index) first, empty slots last.
        for (var i = 1; i < scores.Length; i++)
        {
            var s = scores[i];
            var x = indices[i];
            var j = i - 1;
            while (j >= 0 && Weaker(scores[j], indices[j], s, x))
            {
                scores[j + 1] = scores[j];
                indices[j + 1] = indices[j];
                j--;
            }

            scores[j + 1] = s;
            indices[j + 1] = x;
        }
    }
}
