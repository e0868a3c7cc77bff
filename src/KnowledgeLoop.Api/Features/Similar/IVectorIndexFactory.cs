using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>Builds the in-memory indexes similar-case search runs on: the seam where the kind of index is chosen.</summary>
internal interface IVectorIndexFactory
{
    /// <summary>An index holding <paramref name="items"/> (all at once, so a graph index builds on every core).</summary>
    IVectorIndex Build(int dimensions, IReadOnlyCollection<VectorItem> items);
}
