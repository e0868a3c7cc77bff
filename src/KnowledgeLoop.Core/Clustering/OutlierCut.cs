using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>
/// The distance cut-off that sends stragglers to "unclustered". Per cluster c, a row is an outlier when its
/// distance to the centroid exceeds median_c + z · 1.4826 · MAD_c (the MAD scaled to a standard deviation, floored
/// at <see cref="MinimumSpread"/> so tight clusters keep their members), or exceeds an optional global maximum
/// distance. The outlier budget caps the outliers at a fraction of the rows: when the rule would drop more, every
/// cluster's cut-off is loosened by the same factor (on the robust z scale) until the budget holds, so no report
/// hides more than that share of its tickets.
/// </summary>
public static class OutlierCut
{
    /// <summary>The floor of the scaled MAD, in distance units (unit vectors lie at most 2 apart).</summary>
    public const float MinimumSpread = 1e-3f;

    /// <summary>
    /// One cut-off distance per cluster for rows with <paramref name="assignments"/> (−1 ignored) at
    /// <paramref name="distances"/> from their centroids; a cluster with no rows gets +∞.
    /// </summary>
    /// <param name="assignments">The cluster of each row, or −1.</param>
    /// <param name="distances">Each row's Euclidean distance to its centroid.</param>
    /// <param name="clusterCount">The number of clusters.</param>
    /// <param name="deviations">z: how many robust standard deviations above the median a row may lie.</param>
    /// <param name="maxUnclusteredFraction">The outlier budget: at most this share of the rows is cut.</param>
    /// <param name="maximumDistance">An optional global ceiling on the distance to the centroid.</param>
    public static float[] Cutoffs(
        ReadOnlySpan<int> assignments,
        ReadOnlySpan<float> distances,
        int clusterCount,
        double deviations = 3.0,
        double maxUnclusteredFraction = 0.15,
        float? maximumDistance = null)
    {
        if (assignments.Length != distances.Length)
        {
            throw new ArgumentException($"{assignments.Length} assignments but {distances.Length} distances.", nameof(distances));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(clusterCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(deviations);
        if (maxUnclusteredFraction is < 0 or > 1 || double.IsNaN(maxUnclusteredFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(maxUnclusteredFraction), maxUnclusteredFraction, "Must lie in [0, 1].");
        }

        var members = new List<float>[clusterCount];
        for (var c = 0; c < clusterCount; c++)
        {
            members[c] = [];
        }

        for (var i = 0; i < assignments.Length; i++)
        {
            if (assignments[i] >= 0)
            {
                members[assignments[i]].Add(distances[i]);
            }
        }

        var medians = new double[clusterCount];
        var spreads = new double[clusterCount];
        for (var c = 0; c < clusterCount; c++)
        {
            if (members[c].Count == 0)
            {
                continue;
            }

            var values = members[c].ToArray();
            medians[c] = Median(values);
            var deviationsFromMedian = values.Select(v => (float)Math.Abs(v - medians[c])).ToArray();
            spreads[c] = Math.Max(MinimumSpread, 1.4826 * Median(deviationsFromMedian)) * deviations;
        }

        // Each row's excess: how far past its cut-off it lies, as a multiple (> 1 means cut).
        var excess = new List<double>();
        for (var i = 0; i < assignments.Length; i++)
        {
            var c = assignments[i];
            if (c < 0)
            {
                continue;
            }

            var ratio = (distances[i] - medians[c]) / spreads[c];
            if (maximumDistance is { } ceiling)
            {
                ratio = Math.Max(ratio, ceiling > 0 ? distances[i] / ceiling : double.PositiveInfinity);
            }

            excess.Add(ratio);
        }

        var budget = (int)Math.Floor(maxUnclusteredFraction * assignments.Length);
        var threshold = 1.0;
        if (excess.Count(ratio => ratio > 1.0) > budget)
        {
            excess.Sort((a, b) => b.CompareTo(a));
            threshold = excess[budget];
        }

        var cutoffs = new float[clusterCount];
        for (var c = 0; c < clusterCount; c++)
        {
            if (members[c].Count == 0)
            {
                cutoffs[c] = float.PositiveInfinity;
                continue;
            }

            var cutoff = medians[c] + (threshold * spreads[c]);
            if (maximumDistance is { } ceiling)
            {
                cutoff = Math.Min(cutoff, threshold * ceiling);
            }

            // One float step of slack so a row lying exactly on the relaxed cut-off stays in.
            cutoffs[c] = MathF.BitIncrement((float)cutoff);
        }

        return cutoffs;
    }

    /// <summary>
    /// The least cosine similarity between a unit row and its nearest k-means centroid for the row to join that cluster
    /// when it is assigned after training (<see cref="AssignWithinCutoff"/>). A Euclidean cut-off alone admits rows
    /// that are nearly orthogonal to a diffuse cluster: its centroid is short, so every unrelated row lies about as far
    /// from it as its own members (a new ticket about passkeys joined a mixed cluster at cosine −0.0005).
    /// </summary>
    public const float MinimumMemberSimilarity = 0.2f;

    /// <summary>
    /// The nearest cluster of every row of <paramref name="points"/> (unit rows), or −1 when that centroid is farther
    /// than its cut-off or less similar than <see cref="MinimumMemberSimilarity"/> (used to assign all tickets, not
    /// only the failures the model was trained on).
    /// </summary>
    public static int[] AssignWithinCutoff(VectorMatrix points, KMeansModel model, IReadOnlyList<float> cutoffs)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cutoffs);
        if (cutoffs.Count != model.ClusterCount)
        {
            throw new ArgumentException($"{cutoffs.Count} cut-offs for {model.ClusterCount} clusters.", nameof(cutoffs));
        }

        var (labels, distances) = Nearest(points, model.Centroids);
        var norms = new float[model.ClusterCount];
        for (var c = 0; c < norms.Length; c++)
        {
            norms[c] = System.Numerics.Tensors.TensorPrimitives.Norm(model.Centroids.Row(c));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0 && !Admits(distances[i], cutoffs[labels[i]], norms[labels[i]], System.Numerics.Tensors.TensorPrimitives.Norm(points.Row(i))))
            {
                labels[i] = -1;
            }
        }

        return labels;
    }

    /// <summary>
    /// Whether a row of length <paramref name="rowNorm"/> at Euclidean <paramref name="distance"/> from a centroid of
    /// length <paramref name="centroidNorm"/> belongs to it: within the <paramref name="cutoff"/> and at least
    /// <see cref="MinimumMemberSimilarity"/> similar (cos = (|p|² + |c|² − d²) ÷ 2|p||c|).
    /// </summary>
    public static bool Admits(float distance, float cutoff, float centroidNorm, float rowNorm = 1)
    {
        if (distance > cutoff)
        {
            return false;
        }

        if (centroidNorm <= 0 || rowNorm <= 0)
        {
            return true; // no direction to compare: the distance decides
        }

        var cosine = ((rowNorm * rowNorm) + (centroidNorm * centroidNorm) - (distance * distance)) / (2 * rowNorm * centroidNorm);
        return cosine >= MinimumMemberSimilarity;
    }

    /// <summary>Nearest centroid and Euclidean distance of every row (−1 and +∞ when there are no centroids).</summary>
    internal static (int[] Labels, float[] Distances) Nearest(VectorMatrix points, VectorMatrix centroids)
    {
        var labels = new int[points.Rows];
        var distances = new float[points.Rows];
        if (centroids.Rows == 0)
        {
            Array.Fill(labels, -1);
            Array.Fill(distances, float.PositiveInfinity);
            return (labels, distances);
        }

        if (points.Dimensions != centroids.Dimensions)
        {
            throw new ArgumentException($"Points have {points.Dimensions} dimensions, centroids {centroids.Dimensions}.", nameof(points));
        }

        var data = new KMeansData(points, null, default);
        var squared = new float[points.Rows];
        data.Assign(centroids.Data, KMeansTrainer.Norms(centroids.Data, centroids.Rows, centroids.Dimensions), centroids.Rows, labels, squared);
        for (var i = 0; i < squared.Length; i++)
        {
            distances[i] = MathF.Sqrt(squared[i]);
        }

        return (labels, distances);
    }

    private static double Median(float[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + (double)values[middle]) / 2;
    }
}
