using System.Numerics.Tensors;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Analysis;

/// <summary>Merged clusters: the new centroids (largest cluster first) and where each k-means cluster went.</summary>
/// <param name="Centroids">One centroid per merged cluster, size-weighted means of the ones merged.</param>
/// <param name="MergedOf">For each k-means cluster, its merged cluster.</param>
/// <param name="Sizes">Failures per merged cluster.</param>
internal sealed record MergedClusters(VectorMatrix Centroids, int[] MergedOf, int[] Sizes);

/// <summary>
/// Average-linkage merging of k-means clusters whose centroids are nearly the same direction: k-means with a
/// silhouette-chosen k splits one topic by wording, and a gap report wants one row per topic.
/// </summary>
internal static class ClusterMerger
{
    public static MergedClusters Merge(ClusteringResult clustering, double? similarity)
    {
        var k = clustering.ClusterCount;
        var dimensions = clustering.Model.Centroids.Dimensions;
        var groups = Enumerable.Range(0, k).Select(c => new List<int> { c }).ToList();
        var sizes = Enumerable.Range(0, k).Select(c => (double)Math.Max(1, clustering.ClusterSizes[c])).ToList();
        var centroids = Enumerable.Range(0, k).Select(c => clustering.Model.Centroids.Row(c).ToArray()).ToList();

        while (similarity is { } floor && groups.Count > 1)
        {
            var (bestA, bestB, best) = (-1, -1, double.NegativeInfinity);
            for (var a = 0; a < groups.Count; a++)
            {
                for (var b = a + 1; b < groups.Count; b++)
                {
                    var cosine = TensorPrimitives.CosineSimilarity(centroids[a], centroids[b]);
                    if (cosine > best)
                    {
                        (bestA, bestB, best) = (a, b, cosine);
                    }
                }
            }

            if (best < floor)
            {
                break;
            }

            var merged = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                merged[d] = (float)(((centroids[bestA][d] * sizes[bestA]) + (centroids[bestB][d] * sizes[bestB])) / (sizes[bestA] + sizes[bestB]));
            }

            centroids[bestA] = merged;
            sizes[bestA] += sizes[bestB];
            groups[bestA].AddRange(groups[bestB]);
            centroids.RemoveAt(bestB);
            sizes.RemoveAt(bestB);
            groups.RemoveAt(bestB);
        }

        // Largest first, ties by the smallest original cluster index, so numbering is deterministic.
        var order = Enumerable.Range(0, groups.Count).OrderByDescending(g => sizes[g]).ThenBy(g => groups[g].Min()).ToArray();
        var result = new VectorMatrix(groups.Count, dimensions);
        var mergedOf = new int[k];
        var mergedSizes = new int[groups.Count];
        for (var n = 0; n < order.Length; n++)
        {
            centroids[order[n]].CopyTo(result.Row(n));
            foreach (var c in groups[order[n]])
            {
                mergedOf[c] = n;
                mergedSizes[n] += clustering.ClusterSizes[c];
            }
        }

        return new MergedClusters(result, mergedOf, mergedSizes);
    }
}
