namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>Maps source records of one file onto one entity type.</summary>
internal interface IRecordMapper<T>
    where T : class
{
    /// <summary>Required fields no column of a CSV header can fill.</summary>
    IEnumerable<ImportProblem> CheckColumns(ColumnBinding binding, long line);

    /// <summary>Maps one record.</summary>
    ImportRow<T> Map(SourceRecord record, ColumnBinding binding);
}
