namespace KnowledgeLoop.Core.Tracking;

/// <summary>The article change whose impact on a gap is measured.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Title">Its title (the id when the article is not in the knowledge base).</param>
/// <param name="At">When it changed.</param>
/// <param name="Source">Which timestamp <paramref name="At"/> comes from.</param>
public sealed record ArticleEvent(string ArticleId, string Title, DateTimeOffset At, ArticleEventSource Source);
