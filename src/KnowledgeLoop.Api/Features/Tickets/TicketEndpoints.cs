using KnowledgeLoop.Api.Features.Imports;
using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Tickets;

/// <summary><c>/api/tickets</c>: import tickets (JSON batch or file upload) and read one.</summary>
internal static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/tickets").WithTags("Tickets");
        group.MapPost("/", Import)
            .Accepts<IReadOnlyList<Dictionary<string, object>>>("application/json", "multipart/form-data")
            .WithName("ImportTickets")
            .WithSummary("Imports tickets: a JSON array (or {\"items\":[...]}) with the generic field names, or a CSV/JSON/JSON Lines file in the multipart part 'file' (format= preset). All-or-nothing unless allowPartial=true.");
        group.MapGet("/{id}", Get)
            .WithName("GetTicket")
            .WithSummary("One ticket by id.");
        return endpoints;
    }

    private static Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, string? format, string? allowPartial, ImportService imports, CancellationToken cancellationToken) =>
        imports.ImportAsync(ImportKind.Tickets, request, format, allowPartial, cancellationToken);

    private static Results<Ok<TicketResponse>, ProblemHttpResult> Get(string id, KnowledgeStoreFactory stores) =>
        stores.Run(store => store.FindTicket(id)) is { } ticket
            ? TypedResults.Ok(TicketResponse.From(ticket))
            : Problems.NotFound($"There is no ticket '{id}'.");
}
