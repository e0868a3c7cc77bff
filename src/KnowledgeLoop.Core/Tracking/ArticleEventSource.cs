namespace KnowledgeLoop.Core.Tracking;

/// <summary>Where an article event's time comes from.</summary>
public enum ArticleEventSource
{
    /// <summary>The article's <c>created_at</c>.</summary>
    Created,

    /// <summary>The article's <c>updated_at</c> (when it differs from <c>created_at</c>).</summary>
    Updated,

    /// <summary>An explicit publication (<c>POST /api/articles/{id}/published</c>).</summary>
    Published,
}
