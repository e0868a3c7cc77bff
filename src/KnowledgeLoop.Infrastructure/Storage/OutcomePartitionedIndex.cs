using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// One index per FCR outcome behind one <see cref="IVectorIndex"/>: similar-case search always asks for one outcome
/// (resolved or failed), and searching that outcome's own index without a payload filter is cheaper than searching
/// everything with one (exact scan of 100k tickets: 11.3 ms filtered vs 4.3 ms for all of them unfiltered), and keeps
/// a graph index's neighbourhoods free of the other outcome. Each partition is built by the given function (the
/// service: exact or HNSW by size; the CLI: exact) unless the store holds its graph (<see cref="SimilarGraphCache"/>).
/// </summary>
public sealed class OutcomePartitionedIndex : IVectorIndex
{
    private readonly Dictionary<string, IVectorIndex> _partitions = new(StringComparer.Ordinal);
    private readonly Func<int, IReadOnlyCollection<VectorItem>, IVectorIndex> _build;
    private readonly Lock _lock = new();

    private OutcomePartitionedIndex(int dimensions, Func<int, IReadOnlyCollection<VectorItem>, IVectorIndex> build)
    {
        Dimensions = dimensions;
        _build = build;
    }

    /// <inheritdoc />
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _partitions.Values.Sum(p => p.Count);
            }
        }
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>Each outcome's index (a snapshot): what a caller can inspect, such as whether a stored graph was loaded.</summary>
    public IReadOnlyDictionary<string, IVectorIndex> Partitions
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, IVectorIndex>(_partitions, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>
    /// The index of <paramref name="items"/>, one partition per outcome, each built in one go by <paramref name="build"/>;
    /// with a graph cache and the model's id, a partition whose graph the store already holds is loaded instead, and a
    /// built graph is saved.
    /// </summary>
    public static OutcomePartitionedIndex Build(
        int dimensions,
        IReadOnlyCollection<VectorItem> items,
        Func<int, IReadOnlyCollection<VectorItem>, IVectorIndex> build,
        SimilarGraphCache? graphs = null,
        string? modelId = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(build);
        var index = new OutcomePartitionedIndex(dimensions, build);
        foreach (var group in items.GroupBy(i => i.Payload.Outcome ?? string.Empty, StringComparer.Ordinal))
        {
            var members = group.ToList();
            var fingerprint = graphs is null || modelId is null ? null : SimilarGraphCache.Fingerprint(modelId, members);
            var partition = fingerprint is null ? null : graphs!.TryLoad(group.Key, fingerprint);
            if (partition is null)
            {
                partition = build(dimensions, members);
                if (fingerprint is not null)
                {
                    graphs!.Save(group.Key, fingerprint, partition);
                }
            }

            index._partitions[group.Key] = partition;
        }

        return index;
    }

    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyCollection<VectorItem> items, CancellationToken cancellationToken = default)
    {
        foreach (var group in items.GroupBy(i => i.Payload.Outcome ?? string.Empty, StringComparer.Ordinal))
        {
            IVectorIndex? partition;
            lock (_lock)
            {
                if (!_partitions.TryGetValue(group.Key, out partition))
                {
                    _partitions[group.Key] = _build(Dimensions, group.ToList());
                }
            }

            if (partition is not null)
            {
                await partition.UpsertAsync(group.ToList(), cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        foreach (var partition in Snapshot())
        {
            await partition.Value.DeleteAsync(ids, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int k, VectorFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var partitions = Snapshot()
            .Where(p => filter?.Outcomes is null || filter.Outcomes.Contains(p.Key))
            .Select(p => p.Value)
            .ToList();

        // The partition already is the outcome; what is left of the filter (often nothing) goes to the inner index.
        var inner = filter is null || (filter.Categories is null && filter.CreatedFrom is null && filter.CreatedBefore is null)
            ? null
            : filter with { Outcomes = null };
        if (partitions.Count == 1)
        {
            return await SearchPartitionAsync(partitions[0], query, k, inner, cancellationToken);
        }

        var hits = new List<VectorHit>();
        foreach (var partition in partitions)
        {
            hits.AddRange(await SearchPartitionAsync(partition, query, k, inner, cancellationToken));
        }

        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal).Take(k).ToList();
    }

    /// <summary>
    /// How many candidates a graph search keeps for <paramref name="k"/> results: 4·k, at least 32, never more than the
    /// index's configured efSearch. On the 100k-ticket bench (success partition, 60,715 vectors) recall@5 against the
    /// exact scan is 0.961 at 32 and 0.985 at 64, for 0.12 ms instead of 0.17 ms per search.
    /// </summary>
    public static int SearchBreadth(int k, int configured) => Math.Min(configured, Math.Max(k * 4, 32));

    private static Task<IReadOnlyList<VectorHit>> SearchPartitionAsync(
        IVectorIndex partition, ReadOnlyMemory<float> query, int k, VectorFilter? filter, CancellationToken cancellationToken) =>
        partition is HnswVectorIndex graph
            ? Task.FromResult(graph.Search(query.Span, k, filter, Math.Max(k, SearchBreadth(k, graph.EfSearch))))
            : partition.SearchAsync(query, k, filter, cancellationToken);

    private List<KeyValuePair<string, IVectorIndex>> Snapshot()
    {
        lock (_lock)
        {
            return [.. _partitions];
        }
    }
}
