using System.Security.Cryptography;
using System.Text;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Labels;
using KnowledgeLoop.Core.Text;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// Finds dense groups among failures that fit no gap of the last run, deterministically. The tickets are compared by
/// the cosine of their TF-IDF vectors over stemmed words and bigrams (sublinear tf, smooth idf over the candidates),
/// not in the run's LSA space: a new topic is new words, which the stored model doesn't know. Greedy: the candidate with
/// the most neighbours (cosine ≥ <see cref="IncrementalOptions.NeighbourSimilarity"/>; ties to the smallest ticket id)
/// and its neighbours form a group when they are at least <see cref="IncrementalOptions.MinimumClusterSize"/>; they
/// leave the pool and the next group is sought among the rest. Keywords are the group's top class-TF-IDF terms
/// (<see cref="ClassTfIdf"/>), against the other candidates as a background class.
/// </summary>
public static class EmergingGapDetector
{
    /// <summary>The id prefix of a provisional gap.</summary>
    public const string IdPrefix = "emerging-";

    /// <summary>The groups among <paramref name="candidates"/>, largest first; <paramref name="now"/> becomes each one's creation time.</summary>
    public static IReadOnlyList<EmergingGap> Detect(IReadOnlyList<EmergingCandidate> candidates, IncrementalOptions options, DateTimeOffset now, LsaOptions? tokenization = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (candidates.Count < options.MinimumClusterSize)
        {
            return [];
        }

        var pool = candidates
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.TicketId, StringComparer.Ordinal)
            .Take(options.MaximumCandidates)
            .OrderBy(c => c.TicketId, StringComparer.Ordinal)
            .ToList();
        var corpus = LsaModel.Tokenize(pool.Select(c => c.Text).ToList(), tokenization);
        var terms = Enumerable.Range(0, pool.Count).Select(i => corpus.Terms(i)).ToList();
        var neighbours = Neighbours(terms, options.NeighbourSimilarity);

        var taken = new bool[pool.Count];
        var groups = new List<List<int>>();
        while (true)
        {
            int best = -1, bestCount = -1;
            for (var i = 0; i < pool.Count; i++)
            {
                if (taken[i])
                {
                    continue;
                }

                var count = neighbours[i].Count(j => !taken[j]);
                if (count > bestCount)
                {
                    (best, bestCount) = (i, count);
                }
            }

            if (best < 0 || bestCount + 1 < options.MinimumClusterSize)
            {
                break;
            }

            var group = neighbours[best].Where(j => !taken[j]).Append(best).Order().ToList();
            foreach (var member in group)
            {
                taken[member] = true;
            }

            groups.Add(group);
        }

        if (groups.Count == 0)
        {
            return [];
        }

        var classOf = Enumerable.Repeat(groups.Count, pool.Count).ToArray();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var member in groups[g])
            {
                classOf[member] = g;
            }
        }

        var keywords = ClassTfIdf.TopKeywords(terms, classOf, groups.Count + 1, 8);
        var surface = SurfaceForms.Of(pool.Select(c => c.Text));
        var result = new List<EmergingGap>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var readable = keywords[g].Select(k => new ClusterKeyword(
                string.Join(Tokenizer.BigramSeparator, k.Term.Split(Tokenizer.BigramSeparator).Select(part => surface.GetValueOrDefault(part, part))),
                k.Score)).ToList();
            var ids = groups[g].Select(i => pool[i].TicketId).Order(StringComparer.Ordinal).ToList();
            result.Add(new EmergingGap
            {
                Id = IdOf(ids),
                Title = ClusterTitle.From(readable),
                Keywords = readable.Select(k => k.Text).ToList(),
                TicketIds = ids,
                CreatedAt = now,
            });
        }

        return result.OrderByDescending(e => e.TicketIds.Count).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The provisional id of a group: <c>emerging-</c> and the first 12 hex digits of the SHA-256 of its sorted ids, one per line.</summary>
    public static string IdOf(IEnumerable<string> ticketIds)
    {
        ArgumentNullException.ThrowIfNull(ticketIds);
        var joined = string.Join('\n', ticketIds.Order(StringComparer.Ordinal));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        return IdPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 6));
    }

    /// <summary>For each document, the others whose TF-IDF cosine with it is at least <paramref name="threshold"/>.</summary>
    private static List<int>[] Neighbours(List<IReadOnlyList<string>> terms, double threshold)
    {
        var n = terms.Count;
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        var counts = new Dictionary<int, int>[n];
        for (var i = 0; i < n; i++)
        {
            counts[i] = [];
            foreach (var term in terms[i])
            {
                if (!termIds.TryGetValue(term, out var id))
                {
                    id = termIds.Count;
                    termIds.Add(term, id);
                    documentFrequency.Add(0);
                }

                if (!counts[i].TryGetValue(id, out var count))
                {
                    documentFrequency[id]++;
                }

                counts[i][id] = count + 1;
            }
        }

        var vectors = new (int Term, double Weight)[n][];
        var postings = new List<(int Document, double Weight)>[termIds.Count];
        for (var t = 0; t < postings.Length; t++)
        {
            postings[t] = [];
        }

        for (var i = 0; i < n; i++)
        {
            var row = counts[i].Select(pair => (pair.Key, (1 + Math.Log(pair.Value)) * (Math.Log((1.0 + n) / (1.0 + documentFrequency[pair.Key])) + 1))).ToArray();
            var norm = Math.Sqrt(row.Sum(p => p.Item2 * p.Item2));
            vectors[i] = norm > 0 ? row.Select(p => (p.Item1, p.Item2 / norm)).ToArray() : [];
            foreach (var (term, weight) in vectors[i])
            {
                postings[term].Add((i, weight));
            }
        }

        var neighbours = new List<int>[n];
        var scores = new double[n];
        for (var i = 0; i < n; i++)
        {
            neighbours[i] = [];
            Array.Clear(scores);
            foreach (var (term, weight) in vectors[i])
            {
                foreach (var (document, other) in postings[term])
                {
                    scores[document] += weight * other;
                }
            }

            for (var j = 0; j < n; j++)
            {
                if (j != i && scores[j] >= threshold)
                {
                    neighbours[i].Add(j);
                }
            }
        }

        return neighbours;
    }
}
