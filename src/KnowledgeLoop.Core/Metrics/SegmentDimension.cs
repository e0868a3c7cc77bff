namespace KnowledgeLoop.Core.Metrics;

/// <summary>A ticket attribute the metrics are broken down by; time dimensions use the ticket's created_at (UTC).</summary>
public enum SegmentDimension
{
    /// <summary>The ticket's category.</summary>
    Category,

    /// <summary>The product or module.</summary>
    Product,

    /// <summary>The channel the ticket came in through.</summary>
    Channel,

    /// <summary>Priority or support tier.</summary>
    Priority,

    /// <summary>The agent group.</summary>
    Group,

    /// <summary>The assigned agent.</summary>
    Agent,

    /// <summary>The ISO 8601 week of created_at, e.g. "2026-W23".</summary>
    Week,

    /// <summary>The calendar month of created_at, e.g. "2026-06".</summary>
    Month,
}
