namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>How far an import has got: rows read and the file line reached (for a progress bar against the line count).</summary>
/// <param name="Rows">Rows read so far.</param>
/// <param name="Line">The line of the last row read.</param>
public readonly record struct ImportProgress(long Rows, long Line);
