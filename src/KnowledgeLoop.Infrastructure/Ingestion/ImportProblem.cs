namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>Why a row (or a whole file) was rejected, and exactly where.</summary>
/// <param name="File">The file name as given.</param>
/// <param name="Line">The 1-based line in the file where the row starts (0 when the problem is the file itself).</param>
/// <param name="Column">The column or field name, when one field is at fault.</param>
/// <param name="Value">The raw value at fault, shortened to a readable length.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
public sealed record ImportProblem(string File, long Line, string? Column, string? Value, string Reason)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var field = Column is null ? string.Empty : $" column '{Column}'";
        var value = Value is null ? string.Empty : $" value '{Value}'";
        return $"{where}:{field}{value}: {Reason}";
    }
}
