using System.Globalization;
using System.Numerics.Tensors;
using KnowledgeLoop.Core.Analysis;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Matches a run's gaps to the previous run's, so a gap keeps its id (DESIGN §4.9) and splits and merges are recorded.
/// <para>
/// Two measures per (previous P, new N) pair. <b>Centroid similarity</b>: the cosine of their unit centroids, which must
/// be in one embedding space (the analysis re-expresses P's centroid as the mean of its member tickets' vectors in the
/// new run, because the local embedder is refitted each run). <b>Member overlap</b>: the Jaccard index of their ticket
/// ids, counting only N's tickets that the previous run had in some gap (so tickets that are new since, or were
/// unclustered then, don't dilute it): |P ∩ N| ÷ |P ∪ (N ∩ previously clustered)|.
/// </para>
/// <list type="number">
/// <item><b>continued</b>: pairs with similarity ≥ <see cref="GapMatchingOptions.MinimumCentroidSimilarity"/> and overlap ≥
/// <see cref="GapMatchingOptions.MinimumMemberOverlap"/>, taken greedily one-to-one by score (weighted sum of the two,
/// ties by previous id then new position): N keeps P's id.</item>
/// <item><b>merged</b>: a previous gap that nothing continued and that N holds at least
/// <see cref="GapMatchingOptions.MergeShare"/> of is absorbed by N (by the N holding the most of it). A continued N that
/// absorbed others is merged (keeps its continued id, the others in <see cref="GapLineage.MergedFrom"/>); an unmatched N
/// that absorbed two or more keeps the id of the one it shares most tickets with.</item>
/// <item><b>split</b>: an unmatched N holding at least <see cref="GapMatchingOptions.SplitShare"/> of a previous gap that
/// continued (or merged) elsewhere gets a new id with that gap as <see cref="GapLineage.ParentId"/>.</item>
/// <item><b>new</b>: the rest get a new id.</item>
/// </list>
/// A new id is the gap's provisional (representative-ticket hash) id, re-hashed with a counter while it collides with
/// any id the store has used or this run has given, so ids are deterministic and never reused. Same input, same output.
/// </summary>
public static class GapMatcher
{
    /// <summary>
    /// Ids and lineages for <paramref name="current"/> (same order), matched to <paramref name="previous"/>; each current
    /// snapshot's <see cref="GapSnapshot.Id"/> is its provisional id.
    /// </summary>
    /// <param name="previous">The previous run's gaps, with centroids in the current run's space (empty on a first run).</param>
    /// <param name="current">This run's gaps with provisional ids.</param>
    /// <param name="options">The thresholds.</param>
    /// <param name="asOf">This run's as-of time (first seen of new and split gaps).</param>
    /// <param name="knownIds">Every id the store has used; null when unknown (the previous ids are always avoided).</param>
    public static IReadOnlyList<GapMatch> Match(
        IReadOnlyList<GapSnapshot> previous,
        IReadOnlyList<GapSnapshot> current,
        GapMatchingOptions options,
        DateTimeOffset asOf,
        IReadOnlySet<string>? knownIds = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Which previous gaps each ticket was in.
        var previousOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < previous.Count; p++)
        {
            foreach (var id in previous[p].MemberTicketIds)
            {
                if (!previousOf.TryGetValue(id, out var list))
                {
                    previousOf[id] = list = [];
                }

                list.Add(p);
            }
        }

        // |P ∩ N| for every pair, and N's previously clustered tickets.
        var intersection = new int[previous.Count, current.Count];
        var known = new int[current.Count];
        for (var n = 0; n < current.Count; n++)
        {
            foreach (var id in current[n].MemberTicketIds)
            {
                if (previousOf.TryGetValue(id, out var list))
                {
                    known[n]++;
                    foreach (var p in list)
                    {
                        intersection[p, n]++;
                    }
                }
            }
        }

        double Overlap(int p, int n)
        {
            var union = previous[p].MemberTicketIds.Count + known[n] - intersection[p, n];
            return union == 0 ? 0 : intersection[p, n] / (double)union;
        }

        double Share(int p, int n) => previous[p].MemberTicketIds.Count == 0 ? 0 : intersection[p, n] / (double)previous[p].MemberTicketIds.Count;

        double Similarity(int p, int n) => Cosine(previous[p].Centroid, current[n].Centroid);

        // 1. Continued: greedy one-to-one by score among pairs past both thresholds.
        var candidates = new List<(double Score, int P, int N)>();
        for (var p = 0; p < previous.Count; p++)
        {
            for (var n = 0; n < current.Count; n++)
            {
                if (intersection[p, n] == 0)
                {
                    continue;
                }

                var similarity = Similarity(p, n);
                var overlap = Overlap(p, n);
                if (similarity >= options.MinimumCentroidSimilarity && overlap >= options.MinimumMemberOverlap)
                {
                    candidates.Add(((options.CentroidWeight * similarity) + ((1 - options.CentroidWeight) * overlap), p, n));
                }
            }
        }

        candidates.Sort((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byId = string.CompareOrdinal(previous[a.P].Id, previous[b.P].Id);
            return byId != 0 ? byId : a.N.CompareTo(b.N);
        });

        var continuedBy = Enumerable.Repeat(-1, previous.Count).ToArray();
        var continues = Enumerable.Repeat(-1, current.Count).ToArray();
        foreach (var (_, p, n) in candidates)
        {
            if (continuedBy[p] < 0 && continues[n] < 0)
            {
                continuedBy[p] = n;
                continues[n] = p;
            }
        }

        // 2. Merged: previous gaps nothing continued, absorbed by the new gap holding the most of them.
        var absorbedBy = Enumerable.Repeat(-1, previous.Count).ToArray();
        for (var p = 0; p < previous.Count; p++)
        {
            if (continuedBy[p] >= 0)
            {
                continue;
            }

            var best = -1;
            for (var n = 0; n < current.Count; n++)
            {
                if (Share(p, n) >= options.MergeShare && (best < 0 || intersection[p, n] > intersection[p, best]))
                {
                    best = n;
                }
            }

            absorbedBy[p] = best;
        }

        // An unmatched new gap that absorbed two or more takes the id of the one it shares most with.
        var absorbed = Enumerable.Range(0, current.Count).Select(n => Enumerable.Range(0, previous.Count).Where(p => absorbedBy[p] == n).ToList()).ToArray();
        for (var n = 0; n < current.Count; n++)
        {
            if (continues[n] < 0 && absorbed[n].Count >= 2)
            {
                var keep = absorbed[n].OrderByDescending(p => intersection[p, n]).ThenBy(p => previous[p].Id, StringComparer.Ordinal).First();
                continues[n] = keep;
                continuedBy[keep] = n;
                absorbed[n].Remove(keep);
                absorbedBy[keep] = -1;
            }
            else if (continues[n] < 0)
            {
                // One absorbed gap alone is no merge (nor a continuation: it missed the thresholds); N stays unmatched.
                foreach (var p in absorbed[n])
                {
                    absorbedBy[p] = -1;
                }

                absorbed[n].Clear();
            }
        }

        // 3. Ids and lineages.
        var used = new HashSet<string>(knownIds ?? new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        used.UnionWith(previous.Select(g => g.Id));
        var matches = new GapMatch[current.Count];
        for (var n = 0; n < current.Count; n++)
        {
            if (continues[n] is var p and >= 0)
            {
                var merged = absorbed[n].OrderBy(q => previous[q].Id, StringComparer.Ordinal).ToList();
                var firstSeen = merged.Select(q => previous[q].Lineage.FirstSeen).Append(previous[p].Lineage.FirstSeen).Min();
                matches[n] = new GapMatch(previous[p].Id, new GapLineage
                {
                    Status = merged.Count > 0 ? GapLineageStatus.Merged : GapLineageStatus.Continued,
                    PreviousId = previous[p].Id,
                    MergedFrom = merged.Select(q => previous[q].Id).ToList(),
                    CentroidSimilarity = Round(Similarity(p, n)),
                    MemberOverlap = Round(Overlap(p, n)),
                    FirstSeen = firstSeen,
                    Runs = previous[p].Lineage.Runs + 1,
                });
            }
        }

        // New ids after every kept id is known, so a new id can't take one a later gap keeps.
        used.UnionWith(matches.OfType<GapMatch>().Select(m => m.Id));
        for (var n = 0; n < current.Count; n++)
        {
            if (matches[n] is not null)
            {
                continue;
            }

            var id = FreshId(current[n].Id, used);
            var parent = Enumerable.Range(0, previous.Count)
                .Where(q => (continuedBy[q] >= 0 || absorbedBy[q] >= 0) && Share(q, n) >= options.SplitShare)
                .OrderByDescending(q => intersection[q, n]).ThenBy(q => previous[q].Id, StringComparer.Ordinal)
                .Select(q => (int?)q).FirstOrDefault();
            matches[n] = parent is { } q
                ? new GapMatch(id, new GapLineage
                {
                    Status = GapLineageStatus.Split,
                    ParentId = previous[q].Id,
                    CentroidSimilarity = Round(Similarity(q, n)),
                    MemberOverlap = Round(Overlap(q, n)),
                    FirstSeen = asOf,
                    Runs = 1,
                })
                : new GapMatch(id, GapLineage.New(asOf));
        }

        return matches;
    }

    /// <summary><paramref name="provisional"/>, or a deterministic re-hash of it that no id in <paramref name="used"/> has (added to it).</summary>
    private static string FreshId(string provisional, HashSet<string> used)
    {
        var id = provisional;
        for (var attempt = 1; !used.Add(id); attempt++)
        {
            id = GapAnalyzer.GapId([provisional, "#" + attempt.ToString(CultureInfo.InvariantCulture)]);
        }

        return id;
    }

    private static double Cosine(float[] a, float[] b) =>
        a.Length != b.Length || a.Length == 0 || TensorPrimitives.Norm(a) == 0 || TensorPrimitives.Norm(b) == 0 ? 0 : TensorPrimitives.CosineSimilarity(a, b);

    private static double Round(double value) => Math.Round(value, 4);
}
