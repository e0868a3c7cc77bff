namespace KnowledgeLoop.Core.Labels;

/// <summary>
/// Class-based TF-IDF (c-TF-IDF, as in BERTopic): the documents of each cluster are concatenated into one
/// class document, and term t in class c weighs W(t, c) = tf(t, c) · log(1 + A / f(t)), where tf(t, c) is the
/// count of t in class c divided by the class's term count (BERTopic's L1 normalization), A is the average number
/// of terms per class and f(t) is the count of t across all classes. Unlike BERTopic, A is not truncated to an
/// integer. Rows in cluster −1 take no part.
/// </summary>
public static class ClassTfIdf
{
    /// <summary>
    /// The top <paramref name="count"/> keywords of each of <paramref name="clusterCount"/> clusters, highest weight
    /// first (ties by ordinal term order). A unigram is skipped when a chosen bigram contains it, and dropped if
    /// chosen before such a bigram.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ClusterKeyword>> TopKeywords(
        IReadOnlyList<IReadOnlyList<string>> termsPerDoc,
        IReadOnlyList<int> clusterOfDoc,
        int clusterCount,
        int count = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var weights = Weights(termsPerDoc, clusterOfDoc, clusterCount);
        var result = new IReadOnlyList<ClusterKeyword>[clusterCount];
        for (var c = 0; c < clusterCount; c++)
        {
            var ranked = weights[c]
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal);
            var chosen = new List<ClusterKeyword>();
            var covered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (term, score) in ranked)
            {
                var parts = term.Split('_', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 1)
                {
                    covered.UnionWith(parts);
                    chosen.RemoveAll(k => !k.IsPhrase && covered.Contains(k.Term));
                }
                else if (covered.Contains(term))
                {
                    continue;
                }

                chosen.Add(new ClusterKeyword(term, score));
                if (chosen.Count == count)
                {
                    break;
                }
            }

            result[c] = chosen;
        }

        return result;
    }

    /// <summary>Every term's c-TF-IDF weight in every cluster (terms absent from a cluster are left out).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Weights(
        IReadOnlyList<IReadOnlyList<string>> termsPerDoc,
        IReadOnlyList<int> clusterOfDoc,
        int clusterCount)
    {
        ArgumentNullException.ThrowIfNull(termsPerDoc);
        ArgumentNullException.ThrowIfNull(clusterOfDoc);
        ArgumentOutOfRangeException.ThrowIfNegative(clusterCount);
        if (termsPerDoc.Count != clusterOfDoc.Count)
        {
            throw new ArgumentException($"{termsPerDoc.Count} documents but {clusterOfDoc.Count} cluster numbers.", nameof(clusterOfDoc));
        }

        var counts = new Dictionary<string, long>[clusterCount];
        var lengths = new long[clusterCount];
        for (var c = 0; c < clusterCount; c++)
        {
            counts[c] = new Dictionary<string, long>(StringComparer.Ordinal);
        }

        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var doc = 0; doc < termsPerDoc.Count; doc++)
        {
            var c = clusterOfDoc[doc];
            if (c < 0)
            {
                continue;
            }

            if (c >= clusterCount)
            {
                throw new ArgumentException($"Document {doc} is in cluster {c}, beyond the {clusterCount} clusters.", nameof(clusterOfDoc));
            }

            foreach (var term in termsPerDoc[doc])
            {
                counts[c][term] = counts[c].GetValueOrDefault(term) + 1;
                total[term] = total.GetValueOrDefault(term) + 1;
                lengths[c]++;
            }
        }

        var average = clusterCount == 0 ? 0 : lengths.Sum() / (double)clusterCount;
        var weights = new IReadOnlyDictionary<string, double>[clusterCount];
        for (var c = 0; c < clusterCount; c++)
        {
            var classWeights = new Dictionary<string, double>(counts[c].Count, StringComparer.Ordinal);
            foreach (var (term, n) in counts[c])
            {
                classWeights[term] = n / (double)lengths[c] * Math.Log(1 + (average / total[term]));
            }

            weights[c] = classWeights;
        }

        return weights;
    }
}
