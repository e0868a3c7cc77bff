namespace KnowledgeLoop.Api.Features.Articles;

/// <summary>A recorded publication: the next analysis reads it as the article's event for impact tracking.</summary>
internal sealed record ArticlePublicationResponse(string ArticleId, DateTimeOffset PublishedAt, string? GapId, string Note);
