using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Api.Features.Analyses;

/// <summary>An analysis's status on the wire.</summary>
internal sealed record AnalysisStatusResponse(
    string Id,
    string Status,
    string? Stage,
    double Percent,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int? Seed,
    int? Clusters,
    DateTimeOffset? AsOf,
    int? GapCount)
{
    /// <summary>The wire shape of a stored analysis.</summary>
    public static AnalysisStatusResponse From(AnalysisRecord record) => new(
        record.Id,
        AnalysisRepository.Name(record.Status),
        record.Stage,
        Math.Round(record.Percent, 1),
        record.Error,
        record.CreatedAt,
        record.StartedAt,
        record.FinishedAt,
        record.Seed,
        record.Clusters,
        record.AsOf,
        record.GapCount);
}
