using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>One run of a gap's history: its figures in that run and how it related to the run before.</summary>
/// <param name="RunId">The analysis id.</param>
/// <param name="RecordedAt">When the run was stored.</param>
/// <param name="AsOf">The run's as-of time.</param>
/// <param name="GapId">The gap's id in that run (the asked-for id, or a gap it later absorbed).</param>
/// <param name="Rank">Rank in that run.</param>
/// <param name="Title">Title in that run.</param>
/// <param name="Type">Gap type in that run.</param>
/// <param name="Tickets">Tickets in the gap.</param>
/// <param name="Failures">Failures in the gap.</param>
/// <param name="Fcr">The gap's FCR (numerator ÷ denominator), or null.</param>
/// <param name="FcrNumerator">Mature first contacts resolved first time, or null.</param>
/// <param name="FcrDenominator">Mature first contacts, or null.</param>
/// <param name="TopArticleId">The best-matching article, or null.</param>
/// <param name="Lineage">Lineage in that run (report.json's <c>lineage</c>).</param>
internal sealed record GapHistoryRunResponse(
    string RunId,
    DateTimeOffset RecordedAt,
    DateTimeOffset AsOf,
    string GapId,
    int Rank,
    string Title,
    string Type,
    long Tickets,
    long Failures,
    double? Fcr,
    long? FcrNumerator,
    long? FcrDenominator,
    string? TopArticleId,
    GapLineageDocument Lineage)
{
    public static GapHistoryRunResponse From(GapHistoryEntry entry) => new(
        entry.RunId,
        entry.RecordedAt,
        entry.AsOf,
        entry.GapId,
        entry.Rank,
        entry.Title,
        entry.Type,
        entry.TicketCount,
        entry.FailureCount,
        entry.Fcr,
        entry.FcrNumerator,
        entry.FcrDenominator,
        entry.TopArticleId,
        entry.Lineage.ToDocument());
}
