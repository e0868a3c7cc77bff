using System.Runtime.CompilerServices;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>
/// Nearest centre of each row by ‖x‖² + ‖c‖² − 2·x·c, the dot products batched through <see cref="DotKernel"/>.
/// Ties go to the lower centre index, so the result does not depend on how rows are split across threads.
/// </summary>
internal static class NearestCenters
{
    /// <summary>Rows handed to the kernel at once: their dot products with every centre stay in L1/L2.</summary>
    public const int BlockRows = 64;

    /// <summary>
    /// Labels and squared distances for rows <c>[start, start + count)</c> of <paramref name="points"/>.
    /// <paramref name="scratch"/> must hold <c>BlockRows × centerCount</c> floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Assign(
        float[] points,
        float[] pointNorms,
        int start,
        int count,
        int dimensions,
        float[] centers,
        float[] centerNorms,
        int centerCount,
        Span<int> labels,
        Span<float> squaredDistances,
        float[] scratch)
    {
        for (var block = 0; block < count; block += BlockRows)
        {
            var rows = Math.Min(BlockRows, count - block);
            var first = start + block;
            DotKernel.Dots(
                points.AsSpan(first * dimensions, rows * dimensions), rows, centers, centerCount, dimensions, scratch);
            for (var i = 0; i < rows; i++)
            {
                var dots = scratch.AsSpan(i * centerCount, centerCount);
                var best = 0;
                var bestDistance = float.PositiveInfinity;
                for (var j = 0; j < centerCount; j++)
                {
                    var distance = centerNorms[j] - (2f * dots[j]);
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = j;
                    }
                }

                labels[block + i] = best;
                squaredDistances[block + i] = Math.Max(0f, bestDistance + pointNorms[first + i]);
            }
        }
    }

    /// <summary>Squared distances of rows <c>[start, start + count)</c> to every centre, row-major into <paramref name="output"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SquaredDistances(
        float[] points,
        float[] pointNorms,
        int start,
        int count,
        int dimensions,
        float[] centers,
        float[] centerNorms,
        int centerCount,
        Span<float> output)
    {
        for (var block = 0; block < count; block += BlockRows)
        {
            var rows = Math.Min(BlockRows, count - block);
            var first = start + block;
            var target = output.Slice(block * centerCount, rows * centerCount);
            DotKernel.Dots(points.AsSpan(first * dimensions, rows * dimensions), rows, centers, centerCount, dimensions, target);
            for (var i = 0; i < rows; i++)
            {
                var norm = pointNorms[first + i];
                var row = target.Slice(i * centerCount, centerCount);
                for (var j = 0; j < centerCount; j++)
                {
                    row[j] = Math.Max(0f, norm + centerNorms[j] - (2f * row[j]));
                }
            }
        }
    }
}
