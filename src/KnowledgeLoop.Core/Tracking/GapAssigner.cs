using System.Numerics.Tensors;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Assigns tickets embedded after a run to that run's gaps exactly as the analysis assigned its own tickets
/// (<see cref="AssignmentCluster"/>): nearest k-means centroid over all the run's clusters through the same kernel
/// (<see cref="OutlierCut.AssignWithinCutoff"/>), kept when within that cluster's cut-off and similarity floor
/// (<see cref="OutlierCut.Admits"/>) and the cluster ended in a gap.
/// One deliberate difference: a zero vector (a text with no word the stored model knows) gets no gap, where the
/// analysis, whose model was fitted on those very texts, would put it wherever the centroid norms say.
/// </summary>
public static class GapAssigner
{
    /// <summary>One assignment per row of <paramref name="vectors"/> (unit vectors in the run's embedding space).</summary>
    public static IReadOnlyList<GapAssignment> Assign(VectorMatrix vectors, GapGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(geometry);
        var result = new GapAssignment[vectors.Rows];
        var clusters = geometry.Clusters;
        if (clusters.Count == 0 || vectors.Rows == 0)
        {
            Array.Fill(result, new GapAssignment(-1, null, float.PositiveInfinity, 0));
            return result;
        }

        if (vectors.Dimensions != geometry.Dimensions)
        {
            throw new ArgumentException($"The vectors have {vectors.Dimensions} dimensions, the run {geometry.Dimensions}.", nameof(vectors));
        }

        var centroids = new VectorMatrix(clusters.Count, geometry.Dimensions);
        var cutoffs = new float[clusters.Count];
        var norms = new float[clusters.Count];
        for (var c = 0; c < clusters.Count; c++)
        {
            clusters[c].Centroid.CopyTo(centroids.Row(c));
            cutoffs[c] = clusters[c].Cutoff;
            norms[c] = TensorPrimitives.Norm(clusters[c].Centroid);
        }

        // OutlierCut.AssignWithinCutoff's own steps (nearest centroid by the k-means kernel, then the cut-off), kept apart
        // so the distance comes along without a second pass.
        var (nearest, distances) = OutlierCut.Nearest(vectors, centroids);
        var unitCentroids = geometry.Gaps.ToDictionary(g => g.Id, g => g.Centroid, StringComparer.Ordinal);
        var unitClusters = new float[clusters.Count][];
        for (var c = 0; c < clusters.Count; c++)
        {
            unitClusters[c] = GapTracker.Unit(clusters[c].Centroid);
        }

        for (var i = 0; i < vectors.Rows; i++)
        {
            var row = vectors.Row(i);
            var c = nearest[i];
            if (c < 0 || TensorPrimitives.Norm(row) == 0)
            {
                result[i] = new GapAssignment(-1, null, float.PositiveInfinity, 0);
                continue;
            }

            var distance = distances[i];
            var gapId = OutlierCut.Admits(distance, cutoffs[c], norms[c], TensorPrimitives.Norm(row)) ? clusters[c].GapId : null;
            var reference = gapId is not null && unitCentroids.TryGetValue(gapId, out var unit) ? unit : unitClusters[c];
            result[i] = new GapAssignment(c, gapId, distance, TensorPrimitives.CosineSimilarity(row, reference));
        }

        return result;
    }
}
