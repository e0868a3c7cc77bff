namespace KnowledgeLoop.Api.Features.Analyses;

/// <summary>The optional body of <c>POST /api/analyses</c>; every member may be left out.</summary>
/// <param name="Seed">The random seed; the same data and seed give the same report.</param>
/// <param name="Clusters">The number of clusters (2..500); null chooses it automatically.</param>
/// <param name="AsOf">The time maturity is judged at; null uses the latest timestamp in the data.</param>
internal sealed record AnalysisRequest(int? Seed = null, int? Clusters = null, DateTimeOffset? AsOf = null);
