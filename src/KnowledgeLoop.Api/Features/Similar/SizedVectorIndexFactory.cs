using KnowledgeLoop.Core.Vectors;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>
/// The default: the Core's choice by size (<see cref="VectorIndexFactory"/>), the exact scan for small sets and the
/// HNSW graph from <c>KnowledgeLoop:VectorIndex:HnswThreshold</c> vectors on (20,000 by default).
/// </summary>
internal sealed class SizedVectorIndexFactory(IOptions<VectorIndexOptions> options) : IVectorIndexFactory
{
    public IVectorIndex Build(int dimensions, IReadOnlyCollection<VectorItem> items) =>
        VectorIndexFactory.Build(dimensions, items, options.Value);
}
