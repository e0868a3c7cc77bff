using KnowledgeLoop.Api.Features.Imports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Sessions;

/// <summary><c>/api/sessions</c>: import self-service sessions (JSON batch or file upload).</summary>
internal static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/sessions").WithTags("Sessions");
        group.MapPost("/", Import)
            .Accepts<IReadOnlyList<Dictionary<string, object>>>("application/json", "multipart/form-data")
            .WithName("ImportSessions")
            .WithSummary("Imports self-service sessions: a JSON array (or {\"items\":[...]}), or a CSV/JSON/JSON Lines file in the multipart part 'file'. All-or-nothing unless allowPartial=true.");
        return endpoints;
    }

    private static Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, string? format, string? allowPartial, ImportService imports, CancellationToken cancellationToken) =>
        imports.ImportAsync(ImportKind.Sessions, request, format, allowPartial, cancellationToken);
}
