using KnowledgeLoop.Infrastructure.Ingestion;

namespace KnowledgeLoop.Api.Features.Imports;

/// <summary>One rejected row: the file, its line (the item number for a JSON batch), the column, the raw value and why.</summary>
internal sealed record ImportProblemResponse(string File, long Line, string? Column, string? Value, string Reason)
{
    /// <summary>A problem as the client sees it: the file by the name it was sent under, never a server path.</summary>
    public static ImportProblemResponse From(ImportProblem problem, string shownFile) =>
        new(shownFile, problem.Line, problem.Column, problem.Value, problem.Reason);
}
