using System.Collections.Concurrent;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>An <see cref="IEmbeddingCache"/> in memory, for one process (used when there is no store).</summary>
public sealed class MemoryEmbeddingCache : IEmbeddingCache
{
    private readonly ConcurrentDictionary<(string Model, string Hash), float[]> _vectors = new();

    /// <summary>How many vectors are cached.</summary>
    public int Count => _vectors.Count;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, float[]> Lookup(string model, IReadOnlyCollection<string> textHashes)
    {
        ArgumentNullException.ThrowIfNull(textHashes);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var hash in textHashes)
        {
            if (_vectors.TryGetValue((model, hash), out var vector))
            {
                found[hash] = vector;
            }
        }

        return found;
    }

    /// <inheritdoc />
    public void Store(string model, IReadOnlyCollection<KeyValuePair<string, float[]>> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        foreach (var (hash, vector) in vectors)
        {
            _vectors[(model, hash)] = vector;
        }
    }
}
