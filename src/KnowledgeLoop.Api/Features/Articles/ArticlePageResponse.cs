namespace KnowledgeLoop.Api.Features.Articles;

/// <summary>A page of articles, by id.</summary>
internal sealed record ArticlePageResponse(int Total, IReadOnlyList<ArticleSummaryResponse> Items);
