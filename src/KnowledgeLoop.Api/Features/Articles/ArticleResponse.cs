namespace KnowledgeLoop.Api.Features.Articles;

/// <summary>One article with its body.</summary>
internal sealed record ArticleResponse(string Id, string Title, string Body, string? Url, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, IReadOnlyList<string> Tags, string? Section);
