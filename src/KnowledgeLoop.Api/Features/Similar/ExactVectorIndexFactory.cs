using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>The default index: the exact SIMD scan.</summary>
internal sealed class ExactVectorIndexFactory : IVectorIndexFactory
{
    public IVectorIndex Create(int dimensions) => new ExactVectorIndex(dimensions);
}
