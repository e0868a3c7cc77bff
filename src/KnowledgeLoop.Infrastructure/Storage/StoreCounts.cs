namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>Row counts of the store's tables.</summary>
/// <param name="Tickets">Tickets stored.</param>
/// <param name="Articles">Articles stored.</param>
/// <param name="Sessions">Self-service sessions stored.</param>
/// <param name="Imports">Committed imports in the import log.</param>
public sealed record StoreCounts(long Tickets, long Articles, long Sessions, long Imports);
