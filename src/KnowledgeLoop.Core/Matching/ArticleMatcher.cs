using System.Numerics.Tensors;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Matching;

/// <summary>An article's match to a query: its best chunk's cosine similarity.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Similarity">The highest similarity over the article's chunks.</param>
/// <param name="ChunkIndex">Which chunk (an index into the matcher's chunk list).</param>
public sealed record ArticleMatch(string ArticleId, double Similarity, int ChunkIndex);

/// <summary>
/// Matches vectors (cluster centroids, tickets) to articles through the articles' chunk vectors: an article's
/// similarity to a query is the best similarity of any of its chunks (DESIGN §4.6). Vectors are expected
/// L2-normalized, so a dot product is the cosine; queries are normalized here.
/// </summary>
public sealed class ArticleMatcher
{
    private readonly IReadOnlyList<ArticleChunk> _chunks;
    private readonly VectorMatrix _chunkVectors;
    private readonly string[] _articleIds;
    private readonly int[] _articleOfChunk;
    private readonly VectorMatrix _articleVectors;
    private readonly List<int>[] _chunksOfArticle;

    /// <summary>Builds the matcher over <paramref name="chunks"/> and their vectors, row for row.</summary>
    public ArticleMatcher(IReadOnlyList<ArticleChunk> chunks, VectorMatrix chunkVectors)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(chunkVectors);
        if (chunks.Count != chunkVectors.Rows)
        {
            throw new ArgumentException($"{chunks.Count} chunks but {chunkVectors.Rows} vectors.", nameof(chunkVectors));
        }

        _chunks = chunks;
        _chunkVectors = chunkVectors;
        var ids = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        _articleOfChunk = new int[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            if (!index.TryGetValue(chunks[i].ArticleId, out var article))
            {
                article = ids.Count;
                index[chunks[i].ArticleId] = article;
                ids.Add(chunks[i].ArticleId);
            }

            _articleOfChunk[i] = article;
        }

        _articleIds = [.. ids];
        _chunksOfArticle = new List<int>[_articleIds.Length];
        for (var a = 0; a < _articleIds.Length; a++)
        {
            _chunksOfArticle[a] = [];
        }

        for (var i = 0; i < chunks.Count; i++)
        {
            _chunksOfArticle[_articleOfChunk[i]].Add(i);
        }

        ArticleIndex = index;

        // An article's own vector (for article-to-article resemblance): the normalized mean of its chunks.
        _articleVectors = new VectorMatrix(Math.Max(1, _articleIds.Length), chunkVectors.Dimensions);
        for (var i = 0; i < chunks.Count; i++)
        {
            var row = _articleVectors.Row(_articleOfChunk[i]);
            TensorPrimitives.Add(row, chunkVectors.Row(i), row);
        }

        _articleVectors.NormalizeRows();
    }

    /// <summary>The chunks, in the order of their vectors.</summary>
    public IReadOnlyList<ArticleChunk> Chunks => _chunks;

    /// <summary>Article ids in first-seen order, and their positions.</summary>
    public IReadOnlyDictionary<string, int> ArticleIndex { get; }

    /// <summary>How many articles have at least one chunk.</summary>
    public int ArticleCount => _articleIds.Length;

    /// <summary>The best similarity of each article to <paramref name="query"/>, indexed like <see cref="ArticleIndex"/>.</summary>
    public double[] ArticleSimilarities(ReadOnlySpan<float> query, int[]? bestChunk = null)
    {
        Span<float> unit = query.Length <= 1024 ? stackalloc float[query.Length] : new float[query.Length];
        Normalize(query, unit);
        var best = new double[_articleIds.Length];
        Array.Fill(best, double.NegativeInfinity);
        for (var c = 0; c < _chunks.Count; c++)
        {
            var similarity = TensorPrimitives.Dot(unit, _chunkVectors.Row(c));
            var article = _articleOfChunk[c];
            if (similarity > best[article])
            {
                best[article] = similarity;
                if (bestChunk is not null)
                {
                    bestChunk[article] = c;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The similarity of <paramref name="vector"/> (expected unit length, as embeddings are) to one article: its
    /// best chunk. Cheaper than <see cref="ArticleSimilarities"/> when only a few articles matter.
    /// </summary>
    public double SimilarityTo(ReadOnlySpan<float> vector, int article)
    {
        var best = double.NegativeInfinity;
        foreach (var c in _chunksOfArticle[article])
        {
            best = Math.Max(best, TensorPrimitives.Dot(vector, _chunkVectors.Row(c)));
        }

        return best;
    }

    /// <summary>The index (into <see cref="Chunks"/>) of the article's chunk most similar to <paramref name="vector"/>.</summary>
    public int BestChunk(ReadOnlySpan<float> vector, int article)
    {
        var best = double.NegativeInfinity;
        var chunk = -1;
        foreach (var c in _chunksOfArticle[article])
        {
            var similarity = TensorPrimitives.Dot(vector, _chunkVectors.Row(c));
            if (similarity > best)
            {
                best = similarity;
                chunk = c;
            }
        }

        return chunk;
    }

    /// <summary>The <paramref name="count"/> articles most similar to <paramref name="query"/>, best first (ties by id).</summary>
    public IReadOnlyList<ArticleMatch> Top(ReadOnlySpan<float> query, int count = 3)
    {
        var bestChunk = new int[_articleIds.Length];
        var similarities = ArticleSimilarities(query, bestChunk);
        return Enumerable.Range(0, _articleIds.Length)
            .OrderByDescending(a => similarities[a])
            .ThenBy(a => _articleIds[a], StringComparer.Ordinal)
            .Take(count)
            .Select(a => new ArticleMatch(_articleIds[a], Math.Round(similarities[a], 6), bestChunk[a]))
            .ToList();
    }

    /// <summary>The best similarity of any article to <paramref name="query"/> (coverage: does any article answer it?).</summary>
    public double Best(ReadOnlySpan<float> query)
    {
        var similarities = ArticleSimilarities(query);
        return similarities.Length == 0 ? 0 : similarities.Max();
    }

    /// <summary>How much two articles resemble each other (cosine of their mean chunk vectors).</summary>
    public double ArticleSimilarity(string a, string b) =>
        ArticleIndex.TryGetValue(a, out var i) && ArticleIndex.TryGetValue(b, out var j)
            ? TensorPrimitives.Dot(_articleVectors.Row(i), _articleVectors.Row(j))
            : 0;

    private static void Normalize(ReadOnlySpan<float> source, Span<float> destination)
    {
        source.CopyTo(destination);
        var norm = TensorPrimitives.Norm(destination);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(destination, norm, destination);
        }
    }
}
