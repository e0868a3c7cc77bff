namespace KnowledgeLoop.Core.Reports;

/// <summary>A key with a count (a category, a week).</summary>
public sealed record KeyCountDocument(string Key, long Count);
