using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Clustering;

/// <summary>A trained k-means: centroids, each training row's cluster and distance, inertia and iterations run.</summary>
public sealed record KMeansModel
{
    /// <summary>One centroid per cluster.</summary>
    public required VectorMatrix Centroids { get; init; }

    /// <summary>The cluster of each training row.</summary>
    public required int[] Assignments { get; init; }

    /// <summary>Euclidean distance of each training row to its centroid.</summary>
    public required float[] Distances { get; init; }

    /// <summary>Sum of squared distances of the rows to their centroids.</summary>
    public required double Inertia { get; init; }

    /// <summary>Lloyd iterations (or mini-batch steps) of the kept run.</summary>
    public required int Iterations { get; init; }

    /// <summary>The number of clusters.</summary>
    public int ClusterCount => Centroids.Rows;

    /// <summary>The nearest centroid of <paramref name="point"/> (ties to the lower index).</summary>
    public int Predict(ReadOnlySpan<float> point) => Predict(point, out _);

    /// <summary>The nearest centroid of <paramref name="point"/> and the Euclidean distance to it.</summary>
    public int Predict(ReadOnlySpan<float> point, out float distance)
    {
        if (point.Length != Centroids.Dimensions)
        {
            throw new ArgumentException($"The point has {point.Length} dimensions, not {Centroids.Dimensions}.", nameof(point));
        }

        var best = -1;
        var bestDistance = float.PositiveInfinity;
        for (var j = 0; j < Centroids.Rows; j++)
        {
            var d = TensorPrimitives.Distance(point, Centroids.Row(j));
            if (d < bestDistance)
            {
                bestDistance = d;
                best = j;
            }
        }

        distance = bestDistance;
        return best;
    }
}
