using KnowledgeLoop.Api.Features.Similar;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;

namespace KnowledgeLoop.Api.Features.Health;

/// <summary><c>/health</c> (liveness) and <c>/health/ready</c> (store reachable, model fitted); open without a key.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/health").WithTags("Health");
        group.MapGet("/", Live)
            .WithName("Health")
            .WithSummary("Liveness: the process is up.");
        group.MapGet("/ready", Ready)
            .WithName("Ready")
            .WithSummary("Readiness: the store opens and an analysis has fitted the model similar-case search needs; 503 saying what is missing otherwise.");
        return endpoints;
    }

    private static Ok<HealthResponse> Live() => TypedResults.Ok(new HealthResponse("healthy"));

    private static async Task<Results<Ok<ReadyResponse>, ProblemHttpResult>> Ready(KnowledgeStoreFactory stores, SimilarSearchProvider similar, CancellationToken cancellationToken)
    {
        try
        {
            stores.Run(store => store.Count());
        }
        catch (Exception exception) when (exception is SqliteException or StoreException or IOException or UnauthorizedAccessException)
        {
            return TypedResults.Problem(title: "Not ready", detail: $"The store can't be read: {exception.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (await similar.GetAsync(cancellationToken) is null)
        {
            return TypedResults.Problem(
                title: "Not ready",
                detail: "No analysis has run yet, so there is no fitted model; import tickets and start one with POST /api/analyses.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok(new ReadyResponse("ready", "ok", "fitted"));
    }
}
