using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary><c>/api/gaps/emerging</c>: the provisional gaps raised at import since the latest analysis.</summary>
internal static class IncrementalGapEndpoints
{
    public static IEndpointRouteBuilder MapIncrementalGapEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/gaps").WithTags("Gaps")
            .MapGet("/emerging", Emerging)
            .WithName("ListEmergingGaps")
            .WithSummary("Provisional gaps raised since the latest analysis from new failures that fit none of its gaps.");
        return endpoints;
    }

    private static Ok<EmergingGapListResponse> Emerging(ReportCache reports, SinceRunCache sinceRun) =>
        TypedResults.Ok(List(reports, sinceRun));

    /// <summary>The emerging gaps of the latest succeeded analysis (empty when none, or when it is not the store's latest run).</summary>
    internal static EmergingGapListResponse List(ReportCache reports, SinceRunCache sinceRun)
    {
        if (reports.Latest() is not { } latest || sinceRun.For(latest.Record.Id) is not { } snapshot)
        {
            return new EmergingGapListResponse(reports.Latest()?.Record.Id, 0, 0, []);
        }

        return new EmergingGapListResponse(snapshot.RunId, snapshot.Unassigned, snapshot.UnassignedFailures, snapshot.Emerging.Select(EmergingGapResponse.From).ToList());
    }
}
