using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>Makes the in-memory index similar-case search runs on: the seam where an approximate index (HNSW) plugs in.</summary>
internal interface IVectorIndexFactory
{
    /// <summary>An empty index for vectors of <paramref name="dimensions"/>.</summary>
    IVectorIndex Create(int dimensions);
}
