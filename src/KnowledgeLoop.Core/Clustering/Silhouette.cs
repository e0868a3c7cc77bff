using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>
/// Mean silhouette (Rousseeuw 1987): for each point, a = mean distance to the other members of its cluster,
/// b = the lowest mean distance to the members of another cluster, s = (b − a) / max(a, b); a point alone in its
/// cluster scores 0. The pairwise distances take O(n²·d) through the batched dot kernel, and are computed once
/// when several labelings of the same points are scored, each then costing O(n²).
/// </summary>
public static class Silhouette
{
    private const int ChunkRows = 64;

    /// <summary>
    /// Mean silhouette of <paramref name="labels"/> (non-negative cluster numbers, one per row). Returns 0 when
    /// fewer than two clusters are present (scikit-learn throws there).
    /// </summary>
    public static double Score(VectorMatrix points, ReadOnlySpan<int> labels, SilhouetteMetric metric = SilhouetteMetric.Euclidean)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (labels.Length != points.Rows)
        {
            throw new ArgumentException($"{labels.Length} labels for {points.Rows} points.", nameof(labels));
        }

        return Score(PairwiseDistances(points, metric, null, default), points.Rows, labels);
    }

    /// <summary>The full n × n distance matrix, row-major.</summary>
    internal static float[] PairwiseDistances(VectorMatrix points, SilhouetteMetric metric, int? threads, CancellationToken cancellationToken)
    {
        var n = points.Rows;
        var d = points.Dimensions;
        var norms = DotKernel.SquaredNorms(points);
        var distances = new float[(long)n * n];
        var chunks = (n + ChunkRows - 1) / ChunkRows;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, chunks, parallel, chunk =>
        {
            var start = chunk * ChunkRows;
            var count = Math.Min(ChunkRows, n - start);
            var target = distances.AsSpan(start * n, count * n);
            DotKernel.Dots(points.Data.AsSpan(start * d, count * d), count, points.Data, n, d, target);
            for (var i = 0; i < count; i++)
            {
                var row = target.Slice(i * n, n);
                var ni = norms[start + i];
                for (var j = 0; j < n; j++)
                {
                    row[j] = metric == SilhouetteMetric.Euclidean
                        ? MathF.Sqrt(Math.Max(0f, ni + norms[j] - (2f * row[j])))
                        : Math.Max(0f, 1f - (row[j] / MathF.Sqrt(Math.Max(ni * norms[j], float.Epsilon))));
                }

                row[start + i] = 0f;
            }
        });
        return distances;
    }

    /// <summary>Mean silhouette from a precomputed n × n distance matrix.</summary>
    internal static double Score(float[] distances, int n, ReadOnlySpan<int> labels)
    {
        var clusterCount = 0;
        foreach (var label in labels)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(label, nameof(labels));
            clusterCount = Math.Max(clusterCount, label + 1);
        }

        var sizes = new int[clusterCount];
        foreach (var label in labels)
        {
            sizes[label]++;
        }

        if (sizes.Count(size => size > 0) < 2)
        {
            return 0;
        }

        var labelArray = labels.ToArray();
        var chunks = (n + ChunkRows - 1) / ChunkRows;
        var partial = new double[chunks];
        Parallel.For(0, chunks, chunk =>
        {
            var sums = new double[clusterCount];
            double total = 0;
            var end = Math.Min(n, (chunk + 1) * ChunkRows);
            for (var i = chunk * ChunkRows; i < end; i++)
            {
                Array.Clear(sums);
                var row = distances.AsSpan(i * n, n);
                for (var j = 0; j < n; j++)
                {
                    sums[labelArray[j]] += row[j];
                }

                var own = labelArray[i];
                if (sizes[own] < 2)
                {
                    continue;
                }

                var a = sums[own] / (sizes[own] - 1);
                var b = double.PositiveInfinity;
                for (var c = 0; c < clusterCount; c++)
                {
                    if (c != own && sizes[c] > 0)
                    {
                        b = Math.Min(b, sums[c] / sizes[c]);
                    }
                }

                var scale = Math.Max(a, b);
                total += scale > 0 ? (b - a) / scale : 0;
            }

            partial[chunk] = total;
        });

        double sum = 0;
        foreach (var value in partial)
        {
            sum += value;
        }

        return sum / n;
    }
}
