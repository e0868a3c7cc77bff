namespace KnowledgeLoop.Core.Reports;

/// <summary>A drafted article outline for a gap (from the chat model's <c>draft_outline</c> prompt).</summary>
public sealed record ArticleOutlineDocument
{
    /// <summary>The article's title, as a customer would search for it.</summary>
    public required string Title { get; init; }

    /// <summary>Who reads it.</summary>
    public required string Audience { get; init; }

    /// <summary>Its steps or sections, in order.</summary>
    public required IReadOnlyList<string> Steps { get; init; }

    /// <summary>What the failed tickets needed that no article gave them.</summary>
    public required IReadOnlyList<string> Needs { get; init; }
}
