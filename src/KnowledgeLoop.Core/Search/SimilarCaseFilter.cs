namespace KnowledgeLoop.Core.Search;

/// <summary>Which similar cases a search returns.</summary>
/// <param name="Category">Only tickets of this category (exact match); null for all.</param>
/// <param name="Resolved">Whether to look for tickets resolved on first contact.</param>
/// <param name="Failed">Whether to look for tickets that failed.</param>
public sealed record SimilarCaseFilter(string? Category = null, bool Resolved = true, bool Failed = true);
