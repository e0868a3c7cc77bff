namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// Chooses the embedded index by size: <see cref="ExactVectorIndex"/> (exact, cheapest to build) below
/// <see cref="VectorIndexOptions.HnswThreshold"/> vectors, <see cref="HnswVectorIndex"/> from there on. Both are
/// <see cref="IDisposable"/>.
/// </summary>
public static class VectorIndexFactory
{
    /// <summary>Whether an index of <paramref name="count"/> vectors should be the graph index.</summary>
    public static bool UsesHnsw(int count, VectorIndexOptions? options = null) => count >= (options ?? new VectorIndexOptions()).HnswThreshold;

    /// <summary>An empty index suited to about <paramref name="expectedCount"/> vectors.</summary>
    public static IVectorIndex Create(int dimensions, int expectedCount, VectorIndexOptions? options = null)
    {
        options ??= new VectorIndexOptions();
        options.Validate();
        return UsesHnsw(expectedCount, options)
            ? new HnswVectorIndex(dimensions, options.Hnsw, Math.Max(1, expectedCount))
            : new ExactVectorIndex(dimensions, Math.Max(1, expectedCount));
    }

    /// <summary>An index holding <paramref name="items"/>, the kind chosen by their number (the graph built on every core).</summary>
    public static IVectorIndex Build(int dimensions, IReadOnlyCollection<VectorItem> items, VectorIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var index = Create(dimensions, items.Count, options);
        switch (index)
        {
            case HnswVectorIndex hnsw:
                hnsw.Upsert(items);
                break;
            case ExactVectorIndex exact:
                exact.Upsert(items);
                break;
        }

        return index;
    }
}
