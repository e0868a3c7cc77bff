namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>Embeddings already paid for, by model and a hash of the exact text sent, so a re-run doesn't pay twice.</summary>
public interface IEmbeddingCache
{
    /// <summary>The cached vectors among <paramref name="textHashes"/> for <paramref name="model"/>.</summary>
    IReadOnlyDictionary<string, float[]> Lookup(string model, IReadOnlyCollection<string> textHashes);

    /// <summary>Stores vectors by text hash for <paramref name="model"/>.</summary>
    void Store(string model, IReadOnlyCollection<KeyValuePair<string, float[]>> vectors);
}
