namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>An article a ticket links to.</summary>
internal sealed record LinkedArticle(string Id, string Title, string? Url);
