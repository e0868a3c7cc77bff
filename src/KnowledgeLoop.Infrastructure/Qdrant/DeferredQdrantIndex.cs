using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Infrastructure.Qdrant;

/// <summary>
/// A Qdrant-backed index whose collection is chosen on the first upsert, when the vector length is known (the local
/// embedder may give fewer dimensions than asked; a remote one says only when it answers). The collection
/// <c>{prefix}_{space}_{dimensions}</c> is emptied then, because an analysis fills it afresh.
/// </summary>
public sealed class DeferredQdrantIndex(HttpClient http, QdrantOptions options, string space) : IVectorIndex
{
    private QdrantVectorIndex? _inner;

    /// <summary>The opened index, once something was upserted.</summary>
    public QdrantVectorIndex? Inner => _inner;

    /// <inheritdoc />
    public int Count => _inner?.Count ?? 0;

    /// <inheritdoc />
    public int Dimensions => _inner?.Dimensions ?? 0;

    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyCollection<VectorItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        if (_inner is null)
        {
            var dimensions = items.First().Vector.Length;
            var index = await QdrantVectorIndex.OpenAsync(http, options, QdrantVectorIndex.CollectionName(options, space, dimensions), dimensions, cancellationToken);
            await index.ResetAsync(cancellationToken);
            _inner = index;
        }

        await _inner.UpsertAsync(items, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        _inner?.DeleteAsync(ids, cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int k, VectorFilter? filter = null, CancellationToken cancellationToken = default) =>
        _inner?.SearchAsync(query, k, filter, cancellationToken) ?? Task.FromResult<IReadOnlyList<VectorHit>>([]);
}
