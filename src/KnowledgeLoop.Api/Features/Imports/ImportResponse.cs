namespace KnowledgeLoop.Api.Features.Imports;

/// <summary>What an import did.</summary>
/// <param name="Kind">tickets, articles or sessions.</param>
/// <param name="Accepted">Rows written.</param>
/// <param name="Rejected">Rows rejected (written nowhere).</param>
/// <param name="Problems">Why, row by row (the first ones, when there are many).</param>
/// <param name="Assignment">For tickets: the incremental assignment to the latest run's gaps that followed the import; else null.</param>
internal sealed record ImportResponse(string Kind, long Accepted, long Rejected, IReadOnlyList<ImportProblemResponse> Problems, ImportAssignmentResponse? Assignment = null);
