using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary><c>GET /api/gaps/{id}/history</c>: a gap's figures per run, from the store's gap snapshots (migration 5).</summary>
internal static class GapHistoryEndpoints
{
    /// <summary>The history of one gap id; 404 ProblemDetails when no stored run had it.</summary>
    public static Results<Ok<GapHistoryResponse>, ProblemHttpResult> History(string id, KnowledgeStoreFactory stores)
    {
        var entries = stores.Run(store => new GapRepository(store).History(id));
        return entries.Count == 0
            ? Problems.NotFound($"No stored analysis has a gap '{id}'.")
            : TypedResults.Ok(new GapHistoryResponse(id, entries.Select(GapHistoryRunResponse.From).ToList()));
    }
}
