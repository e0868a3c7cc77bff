using KnowledgeLoop.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary><c>GET /api/gaps/{id}/impact</c>: did the gap's article help? From the latest succeeded analysis.</summary>
internal static class GapImpactEndpoints
{
    public static IEndpointRouteBuilder MapGapImpactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/gaps").WithTags("Gaps")
            .MapGet("/{id}/impact", Get)
            .WithName("GetGapImpact")
            .WithSummary("The gap's FCR, reopen rate, deflection and NIA before vs after its article (tests, difference-in-differences, verdict); impact is null when the gap had no article event.");
        return endpoints;
    }

    private static Results<Ok<GapImpactResponse>, ProblemHttpResult> Get(string id, ReportCache reports)
    {
        if (reports.Latest() is not { } latest)
        {
            return Problems.NotFound($"There is no gap '{id}': no analysis has succeeded yet.");
        }

        var gap = latest.Report.Gaps?.FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.Ordinal));
        if (gap is null)
        {
            return Problems.NotFound($"The latest analysis ({latest.Record.Id}) has no gap '{id}'.");
        }

        return TypedResults.Ok(new GapImpactResponse(
            latest.Record.Id,
            gap.Id,
            gap.Impact,
            gap.Impact is null ? "No article matching this gap was created, updated or published in the data period." : null));
    }
}
