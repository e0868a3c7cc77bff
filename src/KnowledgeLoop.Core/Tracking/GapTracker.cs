using System.Numerics.Tensors;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// The analysis's last step: each gap's snapshot (geometry, figures), its stable id and lineage against the previous
/// run (<c>GapMatcher</c>), and the k-means clusters with the gap each ended in, for incremental assignment.
/// </summary>
internal static class GapTracker
{
    public static (IReadOnlyList<GapDocument> Gaps, GapGeometry Geometry) Track(GapTrackingInput input)
    {
        var dimensions = input.TicketVectors.Dimensions;
        var snapshots = new List<GapSnapshot>(input.Gaps.Count);
        for (var g = 0; g < input.Gaps.Count; g++)
        {
            var document = input.Gaps[g];
            var c = input.GapCluster[g];
            snapshots.Add(new GapSnapshot
            {
                Id = document.Id,
                Centroid = Unit(input.Merged!.Centroids.Row(c)),
                MemberTicketIds = input.Members[c].Select(i => input.Tickets[i].Id).Order(StringComparer.Ordinal).ToList(),
                FailureTicketIds = document.FailureTicketIds,
                Rank = document.Rank,
                Title = document.Title,
                Type = document.Type,
                TicketCount = document.TicketCount,
                FailureCount = document.FailureCount,
                FcrNumerator = document.Fcr?.Numerator,
                FcrDenominator = document.Fcr?.Denominator,
                Fcr = document.Fcr?.Rate,
                TopArticleId = document.TopArticles.Count > 0 ? document.TopArticles[0].Id : null,
                Lineage = GapLineage.New(input.AsOf),
            });
        }

        // Stable ids: the previous run's gaps, re-expressed in this run's space, matched to these.
        var previous = input.Previous?.Geometry is { } before ? before.Gaps.Select(p => p with { Centroid = InCurrentSpace(p, before, input) }).ToList() : [];
        var matches = GapMatcher.Match(previous, snapshots, input.Options, input.AsOf, input.Previous?.KnownIds);
        snapshots = snapshots.Select((snapshot, g) => snapshot with { Id = matches[g].Id, Lineage = matches[g].Lineage }).ToList();
        var gaps = input.Gaps.Select((document, g) => document with { Id = matches[g].Id, Lineage = matches[g].Lineage.ToDocument() }).ToList();

        var gapOfMerged = new Dictionary<int, string>();
        for (var g = 0; g < snapshots.Count; g++)
        {
            gapOfMerged[input.GapCluster[g]] = snapshots[g].Id;
        }

        var clusters = new List<AssignmentCluster>();
        if (input.Clustering is { } clustering)
        {
            for (var k = 0; k < clustering.ClusterCount; k++)
            {
                clusters.Add(new AssignmentCluster(
                    k,
                    clustering.Model.Centroids.Row(k).ToArray(),
                    clustering.Cutoffs[k],
                    gapOfMerged.GetValueOrDefault(input.Merged!.MergedOf[k])));
            }
        }

        var geometry = new GapGeometry
        {
            EmbedderId = input.EmbedderId,
            Dimensions = dimensions,
            AsOf = input.AsOf,
            Clusters = clusters,
            Gaps = snapshots,
        };
        return (gaps, geometry);
    }

    /// <summary>
    /// A previous gap's centroid in this run's space: the unit mean of this run's vectors of its member tickets (the
    /// local embedder is refitted each run, so a stored centroid is not comparable). With none of its tickets here, the
    /// stored centroid when the embedder is the same fixed model (a remote one), else a zero vector (matches nothing).
    /// </summary>
    private static float[] InCurrentSpace(GapSnapshot gap, GapGeometry before, GapTrackingInput input)
    {
        var rowOf = input.RowOfTicket.Value;
        var sum = new float[input.TicketVectors.Dimensions];
        var found = 0;
        foreach (var id in gap.MemberTicketIds)
        {
            if (rowOf.TryGetValue(id, out var row))
            {
                TensorPrimitives.Add(sum, input.TicketVectors.Row(row), sum);
                found++;
            }
        }

        if (found > 0)
        {
            return Unit(sum);
        }

        var sameSpace = string.Equals(before.EmbedderId, input.EmbedderId, StringComparison.Ordinal)
            && !input.EmbedderId.StartsWith("lsa-", StringComparison.Ordinal)
            && gap.Centroid.Length == sum.Length;
        return sameSpace ? gap.Centroid : sum;
    }

    /// <summary>A copy of <paramref name="vector"/> scaled to unit length (zero stays zero).</summary>
    internal static float[] Unit(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        var norm = TensorPrimitives.Norm(copy);
        if (norm > 0)
        {
            TensorPrimitives.Divide(copy, norm, copy);
        }

        return copy;
    }
}
