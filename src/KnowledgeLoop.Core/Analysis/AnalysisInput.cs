using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Core.Vectors;
using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Core.Analysis;

/// <summary>What a gap analysis reads: every ticket, the knowledge base and the self-service sessions.</summary>
/// <param name="Tickets">All tickets (failures are found among them).</param>
/// <param name="Articles">The knowledge base.</param>
/// <param name="Sessions">Self-service sessions; may be empty (deflection is then not available).</param>
public sealed record AnalysisInput(IReadOnlyList<Ticket> Tickets, IReadOnlyList<Article> Articles, IReadOnlyList<SelfServiceSession> Sessions)
{
    /// <summary>
    /// An embedder to use instead of fitting the local LSA model (e.g. an OpenAI-compatible endpoint); null fits LSA.
    /// Tickets and article chunks are embedded as documents, session queries as queries (<see cref="EmbeddingPurpose"/>).
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder { get; init; }

    /// <summary>
    /// An empty vector index (embedded or Qdrant) of the embedder's dimensions that the analysis fills with the article
    /// chunks and asks for each cluster's nearest articles; null searches the chunk vectors in memory.
    /// </summary>
    public IVectorIndex? ArticleIndex { get; init; }

    /// <summary>
    /// The previous run's gaps (the store's latest, GapRepository.LoadLatest), so each gap keeps its id across runs
    /// and records its lineage; null gives every gap a new id (a store's first run).
    /// </summary>
    public GapRun? PreviousGaps { get; init; }

    /// <summary>Explicit article publications (<c>POST /api/articles/{id}/published</c>), read as article events for impact tracking.</summary>
    public IReadOnlyList<ArticlePublication> Publications { get; init; } = [];
}
