namespace KnowledgeLoop.Core.Reports;

/// <summary>One of a gap's "top_articles" in report.json (DESIGN §9).</summary>
public sealed record GapArticleDocument
{
    /// <summary>The article id.</summary>
    public required string Id { get; init; }

    /// <summary>The article title.</summary>
    public required string Title { get; init; }

    /// <summary>Similarity of the article's best chunk to the cluster centroid.</summary>
    public required double Similarity { get; init; }
}
