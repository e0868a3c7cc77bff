using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary><c>/api/gaps</c>: the ranked knowledge gaps of the latest succeeded analysis, with their evidence.</summary>
internal static class GapEndpoints
{
    private static readonly string[] Types = ["missing", "ineffective", "outdated", "findability", "process", "duplicate"];

    public static IEndpointRouteBuilder MapGapEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/gaps").WithTags("Gaps");
        group.MapGet("/", List)
            .WithName("ListGaps")
            .WithSummary("The ranked gaps of the latest succeeded analysis (type= filters by gap type).");
        group.MapGet("/{id}", Get)
            .WithName("GetGap")
            .WithSummary("One gap: reason, evidence tickets, matched articles with similarity, impact.");
        group.MapGet("/{id}/history", GapHistoryEndpoints.History)
            .WithName("GetGapHistory")
            .WithSummary("A gap's tickets, failures, FCR, type, rank and top article per run, oldest first, across continued and merged lineage.");
        return endpoints;
    }

    private static Results<Ok<GapListResponse>, ValidationProblem> List(string? type, ReportCache reports, SinceRunCache sinceRun)
    {
        if (type is not null && !Types.Contains(type, StringComparer.Ordinal))
        {
            return TypedResults.ValidationProblem(Errors.One("type", $"must be one of {string.Join(", ", Types)}."));
        }

        if (reports.Latest() is not { } latest)
        {
            return TypedResults.Ok(new GapListResponse(null, null, null, []));
        }

        IEnumerable<GapDocument> gaps = latest.Report.Gaps ?? [];
        if (type is not null)
        {
            gaps = gaps.Where(g => g.Type == type);
        }

        var snapshot = sinceRun.For(latest.Record.Id);
        return TypedResults.Ok(new GapListResponse(
            latest.Record.Id, latest.Report.GeneratedAt, latest.Report.AsOf, gaps.Select(g => Item(g, snapshot)).ToList(),
            snapshot?.Emerging.Select(EmergingGapResponse.From).ToList() ?? []));
    }

    private static Results<Ok<GapResponse>, ProblemHttpResult> Get(string id, ReportCache reports, SinceRunCache sinceRun)
    {
        if (reports.Latest() is not { } latest)
        {
            return Problems.NotFound($"There is no gap '{id}': no analysis has succeeded yet.");
        }

        var gap = latest.Report.Gaps?.FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.Ordinal));
        return gap is null
            ? Problems.NotFound($"The latest analysis ({latest.Record.Id}) has no gap '{id}'.")
            : TypedResults.Ok(new GapResponse(latest.Record.Id, Item(gap, sinceRun.For(latest.Record.Id))));
    }

    /// <summary>A report gap with its since-run figures (null without a snapshot of this analysis's run).</summary>
    private static GapItem Item(GapDocument gap, Infrastructure.Tracking.SinceRunSnapshot? snapshot) =>
        new(gap, snapshot is not null && snapshot.Gaps.TryGetValue(gap.Id, out var figures) ? SinceRunResponse.From(figures, snapshot.UpdatedAt) : null);
}
