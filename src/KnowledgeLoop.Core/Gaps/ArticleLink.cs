using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>A ticket anywhere in the data set that links an article, with its outcome and its similarity to the article.</summary>
/// <param name="Outcome">The linking ticket's outcome (its id is <see cref="TicketOutcome.TicketId"/>).</param>
/// <param name="Similarity">The ticket's best similarity to the article's chunks.</param>
public sealed record ArticleLink(TicketOutcome Outcome, double Similarity);
