namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>One similar past ticket; <c>outcome</c> is resolved_first_contact or failed.</summary>
internal sealed record SimilarCaseResponse(
    string Id,
    string? Subject,
    string Excerpt,
    double Similarity,
    string Outcome,
    string? Category,
    DateTimeOffset CreatedAt,
    string? Resolution,
    IReadOnlyList<LinkedArticle> LinkedArticles);
