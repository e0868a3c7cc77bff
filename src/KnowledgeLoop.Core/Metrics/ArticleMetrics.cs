namespace KnowledgeLoop.Core.Metrics;

/// <summary>How one article performs: the FCR of the tickets linked to it and the deflection of the sessions that viewed it.</summary>
/// <param name="ArticleId">The article id as the tickets and sessions reference it.</param>
/// <param name="LinkedTickets">Tickets linking the article.</param>
/// <param name="Fcr">Article FCR: the FCR of the first contacts linking it; null when none is mature.</param>
/// <param name="SessionsViewed">Self-service sessions that viewed the article.</param>
/// <param name="DeflectionRate">Deflection among the mature sessions that viewed it; null when none is mature.</param>
public sealed record ArticleMetrics(string ArticleId, long LinkedTickets, Rate? Fcr, long SessionsViewed, Rate? DeflectionRate);
