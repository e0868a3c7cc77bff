namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>The answer to "has anyone seen this before?".</summary>
/// <param name="Query">The text searched for.</param>
/// <param name="Resolved">Similar tickets resolved on first contact: what worked.</param>
/// <param name="Failed">Similar tickets that failed: what didn't.</param>
/// <param name="Articles">The best articles for the query.</param>
internal sealed record SimilarResponse(string Query, IReadOnlyList<SimilarCaseResponse> Resolved, IReadOnlyList<SimilarCaseResponse> Failed, IReadOnlyList<SimilarArticleResponse> Articles);
