namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>An article that answers the query, with the heading of its best section.</summary>
internal sealed record SimilarArticleResponse(string Id, string Title, string? Url, double Similarity, string Heading);
