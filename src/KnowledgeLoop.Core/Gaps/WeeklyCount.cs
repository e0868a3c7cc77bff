namespace KnowledgeLoop.Core.Gaps;

/// <summary>A count for one ISO week.</summary>
/// <param name="WeekStart">Monday 00:00 UTC.</param>
/// <param name="Count">The count.</param>
public sealed record WeeklyCount(DateTimeOffset WeekStart, long Count);
