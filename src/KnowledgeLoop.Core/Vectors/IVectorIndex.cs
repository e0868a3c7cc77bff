namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// A store of vectors searchable by similarity: the embedded exact index, or Qdrant behind its REST API.
/// Ids are strings (a Qdrant adapter maps them to UUIDs); scores are dot products, so store unit vectors for cosine.
/// </summary>
public interface IVectorIndex
{
    /// <summary>The length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>Adds points, replacing any with the same id (vector and payload).</summary>
    Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken = default);

    /// <summary>Removes the points with these ids; unknown ids are ignored.</summary>
    Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    /// <summary>How many points are stored.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="limit"/> points most similar to <paramref name="query"/> that pass <paramref name="filter"/>, by score descending then id.</summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(
        ReadOnlyMemory<float> query, int limit = 10, VectorFilter? filter = null, CancellationToken cancellationToken = default);
}
