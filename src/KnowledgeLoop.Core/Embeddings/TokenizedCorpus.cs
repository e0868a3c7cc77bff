using KnowledgeLoop.Core.Text;

namespace KnowledgeLoop.Core.Embeddings;

/// <summary>
/// Documents cleaned and tokenized once, as ids into a table of distinct tokens: what the LSA fit reads, and
/// what labelling (c-TF-IDF) can reuse without tokenizing the corpus again. Token ids follow first appearance
/// in document order, so they are the same on every run.
/// </summary>
public sealed class TokenizedCorpus
{
    private const int Block = 4096;

    private readonly string[] _tokens;
    private readonly int[] _offsets;
    private readonly int[] _ids;

    private TokenizedCorpus(string[] tokens, int[] offsets, int[] ids, bool usesStemming)
    {
        _tokens = tokens;
        _offsets = offsets;
        _ids = ids;
        UsesStemming = usesStemming;
    }

    /// <summary>How many documents.</summary>
    public int DocumentCount => _offsets.Length - 1;

    /// <summary>How many distinct tokens across all documents.</summary>
    public int DistinctTokenCount => _tokens.Length;

    /// <summary>Whether the tokens were stemmed.</summary>
    public bool UsesStemming { get; }

    /// <summary>The token with id <paramref name="id"/>.</summary>
    public string Token(int id) => _tokens[id];

    /// <summary>The token ids of document <paramref name="document"/>, in text order.</summary>
    public ReadOnlySpan<int> TokenIds(int document) => _ids.AsSpan(_offsets[document], _offsets[document + 1] - _offsets[document]);

    /// <summary>The tokens of document <paramref name="document"/>, in text order.</summary>
    public IReadOnlyList<string> Tokens(int document)
    {
        var ids = TokenIds(document);
        var tokens = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            tokens[i] = _tokens[ids[i]];
        }

        return tokens;
    }

    /// <summary>The terms of document <paramref name="document"/>: its tokens, then (when <paramref name="bigrams"/> is set) its bigrams "a_b".</summary>
    public IReadOnlyList<string> Terms(int document, bool bigrams = true)
    {
        var ids = TokenIds(document);
        var terms = new List<string>(bigrams ? Math.Max(0, 2 * ids.Length - 1) : ids.Length);
        foreach (var id in ids)
        {
            terms.Add(_tokens[id]);
        }

        if (bigrams)
        {
            for (var i = 1; i < ids.Length; i++)
            {
                terms.Add(Tokenizer.Bigram(_tokens[ids[i - 1]], _tokens[ids[i]]));
            }
        }

        return terms;
    }

    /// <summary>Cleans (<see cref="TextCleaner.Clean"/>) and tokenizes every document, in parallel.</summary>
    public static TokenizedCorpus Create(
        IReadOnlyList<string> documents,
        TextCleanerOptions? cleaner = null,
        bool useStemming = true,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        cleaner ??= TextCleanerOptions.Default;
        var tokenizer = useStemming ? Tokenizer.Default : new Tokenizer(stem: false);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new List<string>();
        var offsets = new int[documents.Count + 1];
        var ids = new List<int>(documents.Count * 32);
        var perDocument = new List<string>[Math.Min(Block, documents.Count)];
        for (var start = 0; start < documents.Count; start += Block)
        {
            var count = Math.Min(Block, documents.Count - start);
            void Tokenize(int i)
            {
                var list = perDocument[i] ??= new List<string>(64);
                list.Clear();
                var text = documents[start + i] ?? string.Empty;
                tokenizer.AppendTokens(TextCleaner.Clean(text, cleaner), list);
            }

            // One document (a query) is tokenized inline: no thread-pool round trip for a request's embedding.
            if (count == 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Tokenize(0);
            }
            else
            {
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, Tokenize);
            }

            // Ids are assigned sequentially, in document order: deterministic whatever the scheduling.
            for (var i = 0; i < count; i++)
            {
                foreach (var token in perDocument[i])
                {
                    if (!index.TryGetValue(token, out var id))
                    {
                        id = tokens.Count;
                        index.Add(token, id);
                        tokens.Add(token);
                    }

                    ids.Add(id);
                }

                offsets[start + i + 1] = ids.Count;
            }

            progress?.Report(Math.Min(1.0, (start + count) / (double)documents.Count));
        }

        return new TokenizedCorpus([.. tokens], offsets, [.. ids], useStemming);
    }
}
