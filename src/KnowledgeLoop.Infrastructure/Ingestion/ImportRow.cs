namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>One row read from an export: the entity it maps to, or the problems that stop it.</summary>
/// <typeparam name="T">Ticket, Article or SelfServiceSession.</typeparam>
/// <param name="Line">The 1-based line where the row starts (the record number for formats without lines).</param>
/// <param name="Entity">The mapped entity; null when the row has problems.</param>
/// <param name="Problems">Why the row was rejected; empty when it is good.</param>
/// <param name="Raw">The row's original fields (name to raw value), written to the rejects file when the row is bad.</param>
public sealed record ImportRow<T>(long Line, T? Entity, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<KeyValuePair<string, string>>? Raw)
    where T : class
{
    /// <summary>True when the row mapped cleanly.</summary>
    public bool IsValid => Entity is not null && Problems.Count == 0;
}
