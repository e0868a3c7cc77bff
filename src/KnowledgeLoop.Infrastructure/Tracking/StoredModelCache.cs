using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Infrastructure.Tracking;

/// <summary>
/// Keeps the store's fitted embedder in memory between imports (a long-lived host assigns at every ticket import; loading
/// the model is most of a small import's assignment). Reloaded when the stored model's kind or save time changes.
/// </summary>
public sealed class StoredModelCache
{
    private Tuple<string, LsaModel?, bool>? _cached;

    /// <summary>The stored model as <see cref="AnalysisStore.LoadModel"/> gives it, from memory when unchanged.</summary>
    public LsaModel? Load(KnowledgeStore store, out bool remote)
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = new IncrementalRepository(store).ModelVersion();
        var cached = Volatile.Read(ref _cached);
        if (version is not null && cached is not null && cached.Item1 == version)
        {
            remote = cached.Item3;
            return cached.Item2;
        }

        var model = AnalysisStore.LoadModel(store, out remote);
        if (version is not null)
        {
            Volatile.Write(ref _cached, Tuple.Create(version, model, remote));
        }

        return model;
    }
}
