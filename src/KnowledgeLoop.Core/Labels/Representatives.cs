using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Labels;

/// <summary>The rows that show what a cluster is about: those nearest its centroid.</summary>
public static class Representatives
{
    /// <summary>
    /// For each cluster (a row of <paramref name="centroids"/>), the indices of its <paramref name="count"/> members
    /// nearest the centroid, nearest first, ties by index; rows assigned −1 are ignored.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Nearest(
        VectorMatrix points, int[] assignment, VectorMatrix centroids, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(centroids);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (assignment.Length != points.Rows)
        {
            throw new ArgumentException($"{assignment.Length} assignments for {points.Rows} points.", nameof(assignment));
        }

        var members = new List<(float Distance, int Index)>[centroids.Rows];
        for (var c = 0; c < centroids.Rows; c++)
        {
            members[c] = [];
        }

        for (var i = 0; i < points.Rows; i++)
        {
            var c = assignment[i];
            if (c < 0)
            {
                continue;
            }

            if (c >= centroids.Rows)
            {
                throw new ArgumentException($"Point {i} is in cluster {c}, beyond the {centroids.Rows} centroids.", nameof(assignment));
            }

            members[c].Add((TensorPrimitives.Distance(points.Row(i), centroids.Row(c)), i));
        }

        return [.. members.Select(list => (IReadOnlyList<int>)[.. list.OrderBy(m => m.Distance).ThenBy(m => m.Index).Take(count).Select(m => m.Index)])];
    }
}
