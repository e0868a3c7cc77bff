namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// An explicit publication event (<c>POST /api/articles/{id}/published</c>): the article went live at
/// <paramref name="PublishedAt"/>, optionally to fix one gap.
/// </summary>
/// <param name="ArticleId">The published article.</param>
/// <param name="PublishedAt">When it went live (UTC).</param>
/// <param name="GapId">The gap it was written for, or null (it then applies to the gaps the article matches).</param>
public sealed record ArticlePublication(string ArticleId, DateTimeOffset PublishedAt, string? GapId = null);
