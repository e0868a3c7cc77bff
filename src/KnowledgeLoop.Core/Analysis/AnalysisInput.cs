using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Analysis;

/// <summary>What a gap analysis reads: every ticket, the knowledge base and the self-service sessions.</summary>
/// <param name="Tickets">All tickets (failures are found among them).</param>
/// <param name="Articles">The knowledge base.</param>
/// <param name="Sessions">Self-service sessions; may be empty (deflection is then not available).</param>
public sealed record AnalysisInput(IReadOnlyList<Ticket> Tickets, IReadOnlyList<Article> Articles, IReadOnlyList<SelfServiceSession> Sessions);
