namespace KnowledgeLoop.Api.Features.Articles;

/// <summary>An article in a list.</summary>
internal sealed record ArticleSummaryResponse(string Id, string Title, string? Url, DateTimeOffset? UpdatedAt, IReadOnlyList<string> Tags, string? Section);
