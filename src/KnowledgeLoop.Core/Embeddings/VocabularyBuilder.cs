using System.Runtime.InteropServices;

namespace KnowledgeLoop.Core.Embeddings;

/// <summary>
/// Chooses the terms of a fit from token ids: document frequencies of unigrams and of bigrams (a bigram is the
/// pair of token ids, packed in a long, so no string is made until a bigram is kept), the min/max document
/// frequency cut, the feature cap by corpus frequency, and an ordinal sort of the survivors.
/// </summary>
internal sealed class VocabularyBuilder
{
    private readonly int[] _unigramTerms;
    private readonly Dictionary<long, int> _bigramTerms;
    private readonly bool _useBigrams;

    private VocabularyBuilder(string[] terms, int[] documentFrequencies, int[] unigramTerms, Dictionary<long, int> bigramTerms, bool useBigrams)
    {
        Terms = terms;
        DocumentFrequencies = documentFrequencies;
        _unigramTerms = unigramTerms;
        _bigramTerms = bigramTerms;
        _useBigrams = useBigrams;
    }

    public string[] Terms { get; }

    public int[] DocumentFrequencies { get; }

    public static VocabularyBuilder Build(TokenizedCorpus corpus, LsaOptions options)
    {
        var documents = corpus.DocumentCount;
        var tokens = corpus.DistinctTokenCount;
        var unigramDf = new int[tokens];
        var unigramCount = new long[tokens];
        var unigramLast = new int[tokens];
        Array.Fill(unigramLast, -1);
        for (var document = 0; document < documents; document++)
        {
            foreach (var id in corpus.TokenIds(document))
            {
                unigramCount[id]++;
                if (unigramLast[id] != document)
                {
                    unigramLast[id] = document;
                    unigramDf[id]++;
                }
            }
        }

        // Bigrams are counted in shards by key, one thread per shard over every document: no locks, no merge, and
        // the same counts whatever the number of threads (the kept terms are ordered by count and text, not by shard).
        var shards = options.UseBigrams ? Math.Max(1, Math.Min(8, Environment.ProcessorCount)) : 0;
        var bigrams = new Dictionary<long, BigramStats>[shards];
        Parallel.For(0, shards, shard =>
        {
            var counts = new Dictionary<long, BigramStats>(PairComparer.Instance);
            for (var document = 0; document < documents; document++)
            {
                var ids = corpus.TokenIds(document);
                for (var i = 1; i < ids.Length; i++)
                {
                    var key = Key(ids[i - 1], ids[i]);
                    if (Shard(key, shards) != shard)
                    {
                        continue;
                    }

                    ref var stats = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
                    stats.Count++;
                    if (stats.LastDocument != document + 1)
                    {
                        stats.LastDocument = document + 1;
                        stats.Df++;
                    }
                }
            }

            // The same pairs one word apart ("a x b"): what adjacency alone would give if the words merely share documents.
            if (options.BigramFalseDiscoveryRate < 1)
            {
                for (var document = 0; document < documents; document++)
                {
                    var ids = corpus.TokenIds(document);
                    for (var i = 2; i < ids.Length; i++)
                    {
                        var key = Key(ids[i - 2], ids[i]);
                        if (Shard(key, shards) == shard)
                        {
                            ref var stats = ref CollectionsMarshal.GetValueRefOrNullRef(counts, key);
                            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref stats))
                            {
                                stats.Apart++;
                            }
                        }
                    }
                }
            }

            bigrams[shard] = counts;
        });

        var maximumDf = options.MaximumDocumentFrequency * documents;
        bool Keep(int df) => df >= options.MinimumDocumentFrequency && df <= maximumDf;
        // Candidates: (term, df, corpus count, unigram id or -1, bigram key).
        var candidates = new List<(string Term, int Df, long Count, int Unigram, long Bigram)>();
        for (var id = 0; id < tokens; id++)
        {
            if (Keep(unigramDf[id]))
            {
                candidates.Add((corpus.Token(id), unigramDf[id], unigramCount[id], id, -1));
            }
        }

        // Pairs that pass the document-frequency cut, then only those that are phrases (see LsaOptions.BigramFalseDiscoveryRate).
        var pairs = new List<(long Key, BigramStats Stats)>();
        foreach (var shard in bigrams)
        {
            foreach (var (key, stats) in shard)
            {
                if (Keep(stats.Df))
                {
                    pairs.Add((key, stats));
                }
            }
        }

        var cut = options.BigramFalseDiscoveryRate < 1
            ? PhraseCut(pairs.ConvertAll(p => PhraseP(p.Stats.Count, p.Stats.Apart)), options.BigramFalseDiscoveryRate)
            : double.PositiveInfinity;
        foreach (var (key, stats) in pairs)
        {
            if (double.IsPositiveInfinity(cut) || PhraseP(stats.Count, stats.Apart) <= cut)
            {
                var term = Text.Tokenizer.Bigram(corpus.Token((int)(key >> 32)), corpus.Token((int)(key & 0xFFFFFFFF)));
                candidates.Add((term, stats.Df, stats.Count, -1, key));
            }
        }

        if (candidates.Count > options.MaximumFeatures)
        {
            candidates.Sort((x, y) =>
            {
                var byCount = y.Count.CompareTo(x.Count);
                return byCount != 0 ? byCount : string.CompareOrdinal(x.Term, y.Term);
            });
            candidates.RemoveRange(options.MaximumFeatures, candidates.Count - options.MaximumFeatures);
        }

        candidates.Sort((x, y) => string.CompareOrdinal(x.Term, y.Term));
        var terms = new string[candidates.Count];
        var df = new int[candidates.Count];
        var unigramTerms = new int[tokens];
        Array.Fill(unigramTerms, -1);
        var bigramTerms = new Dictionary<long, int>(PairComparer.Instance);
        for (var t = 0; t < candidates.Count; t++)
        {
            var candidate = candidates[t];
            terms[t] = candidate.Term;
            df[t] = candidate.Df;
            if (candidate.Unigram >= 0)
            {
                unigramTerms[candidate.Unigram] = t;
            }
            else
            {
                bigramTerms.Add(candidate.Bigram, t);
            }
        }

        return new VocabularyBuilder(terms, df, unigramTerms, bigramTerms, options.UseBigrams);
    }

    /// <summary>Appends the vocabulary ids of a fitted document's terms, by token ids (no strings).</summary>
    public Action<int, List<int>> Collect(TokenizedCorpus corpus) => (document, output) =>
    {
        var ids = corpus.TokenIds(document);
        for (var i = 0; i < ids.Length; i++)
        {
            var term = _unigramTerms[ids[i]];
            if (term >= 0)
            {
                output.Add(term);
            }

            if (_useBigrams && i > 0 && _bigramTerms.TryGetValue(Key(ids[i - 1], ids[i]), out term))
            {
                output.Add(term);
            }
        }
    };

    /// <summary>
    /// The p-value of "these two words are side by side no more often than one word apart" for a pair seen
    /// <paramref name="adjacent"/> times side by side and <paramref name="apart"/> times with one word between: the
    /// log-likelihood ratio G² of that split against an even one, on χ² with one degree of freedom (1 when the pair is
    /// not more often adjacent). Words that only share documents (a topic's words, a word repeated in a text) are about
    /// as often one apart as side by side; a phrase's words are rarely apart.
    /// </summary>
    internal static double PhraseP(long adjacent, long apart)
    {
        if (adjacent <= apart)
        {
            return 1;
        }

        var expected = (adjacent + apart) / 2.0;
        var g2 = 2 * ((adjacent * Math.Log(adjacent / expected)) + (apart > 0 ? apart * Math.Log(apart / expected) : 0));
        return Erfc(Math.Sqrt(g2 / 2));
    }

    /// <summary>
    /// Benjamini–Hochberg: the largest p-value p₍ᵢ₎ with p₍ᵢ₎ ≤ rate · i / m among the m sorted p-values; the pairs at or
    /// below it are kept, so at most that share of the kept pairs are expected to be chance. −1 when none qualifies.
    /// </summary>
    internal static double PhraseCut(List<double> pValues, double rate)
    {
        pValues.Sort();
        var cut = -1.0;
        for (var i = 0; i < pValues.Count; i++)
        {
            if (pValues[i] <= rate * (i + 1) / pValues.Count)
            {
                cut = pValues[i];
            }
        }

        return cut;
    }

    /// <summary>The complementary error function (Numerical Recipes' erfcc; fractional error below 1.2e-7).</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        ReadOnlySpan<double> coefficients = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var polynomial = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            polynomial = coefficients[i] + (t * polynomial);
        }

        var r = t * Math.Exp(-(z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }

    private static long Key(int first, int second) => ((long)first << 32) | (uint)second;

    private static int Shard(long key, int shards) => (int)((((ulong)key * 0xD6E8FEB86659FD93UL) >> 40) % (ulong)shards);

    /// <summary>A bigram's corpus count, its count one word apart, document frequency, and the last document (plus one) that counted it.</summary>
    private struct BigramStats
    {
        public long Count;
        public long Apart;
        public int Df;
        public int LastDocument;
    }

    /// <summary>long's own hash is hi ^ lo, which maps most token pairs onto a few buckets; this mixes the bits.</summary>
    private sealed class PairComparer : IEqualityComparer<long>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long obj) => (int)(((ulong)obj * 0x9E3779B97F4A7C15UL) >> 32);
    }
}
