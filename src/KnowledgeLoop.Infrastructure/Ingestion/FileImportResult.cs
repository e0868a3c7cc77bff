namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>What one file's import did.</summary>
/// <param name="File">The file imported.</param>
/// <param name="Kind">tickets, articles or sessions.</param>
/// <param name="RowsRead">Rows read from the file.</param>
/// <param name="RowsImported">Rows written to the store (0 when the import was refused).</param>
/// <param name="ProblemCount">All problems found, including those not kept in <paramref name="Problems"/>.</param>
/// <param name="Problems">The first problems, in file order (at most <see cref="StoreImporter.MaximumProblemsKept"/>).</param>
/// <param name="Committed">True when the rows were written; false when a bad row refused the whole file.</param>
/// <param name="RejectsFile">The rejects file written in partial mode, or null.</param>
public sealed record FileImportResult(
    string File,
    string Kind,
    long RowsRead,
    long RowsImported,
    long ProblemCount,
    IReadOnlyList<ImportProblem> Problems,
    bool Committed,
    string? RejectsFile)
{
    /// <summary>Rows that were rejected (a row may have several problems).</summary>
    public long RowsRejected { get; init; }
}
