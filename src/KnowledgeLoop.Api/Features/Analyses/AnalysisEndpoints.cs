using System.Text;
using System.Text.Json;
using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Reports;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Features.Analyses;

/// <summary><c>/api/analyses</c>: start a gap analysis in the background, follow it, cancel it, read its report.</summary>
internal static class AnalysisEndpoints
{
    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/analyses").WithTags("Analyses");
        group.MapPost("/", Start)
            .Accepts<AnalysisRequest>(isOptional: true, "application/json")
            .WithName("StartAnalysis")
            .WithSummary("Queues a gap analysis of everything in the store; 202 with its status and Location.");
        group.MapGet("/", List)
            .WithName("ListAnalyses")
            .WithSummary("Every analysis, newest first.");
        group.MapGet("/latest", Latest)
            .WithName("GetLatestAnalysis")
            .WithSummary("The newest analysis of any status; 404 when none has been requested.");
        group.MapGet("/{id}", Get)
            .WithName("GetAnalysis")
            .WithSummary("One analysis: status, stage, percent, error.");
        group.MapDelete("/{id}", Cancel)
            .WithName("CancelAnalysis")
            .WithSummary("Cancels a queued or running analysis; 202 with its status, 409 when it has already finished.");
        group.MapGet("/{id}/report", Report)
            .WithName("GetAnalysisReport")
            .WithSummary("The report of a succeeded analysis: report.json, or format=md|html|csv for report.md, report.html or gaps.csv.");
        return endpoints;
    }

    private static async Task<Results<Accepted<AnalysisStatusResponse>, ValidationProblem, ProblemHttpResult>> Start(
        HttpRequest request, AnalysisQueue queue, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        AnalysisRequest? body = null;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
            if (buffer.Length > 0 && !IsBlank(buffer))
            {
                try
                {
                    buffer.Position = 0;
                    body = JsonSerializer.Deserialize<AnalysisRequest>(buffer, json.Value.SerializerOptions);
                }
                catch (JsonException exception)
                {
                    return TypedResults.ValidationProblem(Errors.One(exception.Path is { Length: > 2 } path ? path[2..] : "body", Errors.JsonReason(exception)));
                }
            }
        }

        body ??= new AnalysisRequest();
        if (body.Clusters is < 2 or > 500)
        {
            return TypedResults.ValidationProblem(Errors.One("clusters", "must be between 2 and 500, or left out for automatic."));
        }

        var record = queue.Enqueue(body);
        if (record is null)
        {
            return TypedResults.Problem(
                title: "The analysis queue is full",
                detail: "Too many analyses are waiting; try again when one has finished.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Accepted($"/api/analyses/{record.Id}", AnalysisStatusResponse.From(record));
    }

    private static Ok<IReadOnlyList<AnalysisStatusResponse>> List(KnowledgeStoreFactory stores) =>
        TypedResults.Ok<IReadOnlyList<AnalysisStatusResponse>>(
            stores.Run(store => new AnalysisRepository(store).List()).Select(AnalysisStatusResponse.From).ToList());

    private static Results<Ok<AnalysisStatusResponse>, ProblemHttpResult> Latest(KnowledgeStoreFactory stores) =>
        stores.Run(store => new AnalysisRepository(store).Latest()) is { } record
            ? TypedResults.Ok(AnalysisStatusResponse.From(record))
            : Problems.NotFound("No analysis has been requested yet; start one with POST /api/analyses.");

    private static Results<Ok<AnalysisStatusResponse>, ProblemHttpResult> Get(string id, KnowledgeStoreFactory stores) =>
        stores.Run(store => new AnalysisRepository(store).Find(id)) is { } record
            ? TypedResults.Ok(AnalysisStatusResponse.From(record))
            : Problems.NotFound($"There is no analysis '{id}'.");

    private static Results<Accepted<AnalysisStatusResponse>, ProblemHttpResult> Cancel(string id, AnalysisQueue queue, KnowledgeStoreFactory stores)
    {
        var before = stores.Run(store => new AnalysisRepository(store).Find(id));
        if (before is null)
        {
            return Problems.NotFound($"There is no analysis '{id}'.");
        }

        if (before.IsFinished)
        {
            return TypedResults.Problem(
                title: "The analysis has already finished",
                detail: $"Analysis '{id}' is {AnalysisRepository.Name(before.Status)}; only queued or running analyses can be cancelled.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var after = queue.Cancel(id) ?? before;
        return TypedResults.Accepted($"/api/analyses/{id}", AnalysisStatusResponse.From(after));
    }

    private static Results<ContentHttpResult, ValidationProblem, ProblemHttpResult> Report(string id, string? format, HttpContext context, KnowledgeStoreFactory stores)
    {
        var kind = format?.Trim().ToLowerInvariant() ?? "json";
        if (kind is not ("json" or "md" or "html" or "csv"))
        {
            return TypedResults.ValidationProblem(Errors.One("format", "must be json, md, html or csv."));
        }

        var (record, json) = stores.Run(store =>
        {
            var repository = new AnalysisRepository(store);
            var found = repository.Find(id);
            return (found, found?.Status == AnalysisRunStatus.Succeeded ? repository.ReadReport(id) : null);
        });
        if (record is null)
        {
            return Problems.NotFound($"There is no analysis '{id}'.");
        }

        if (json is null)
        {
            return TypedResults.Problem(
                title: "The analysis has no report",
                detail: $"Analysis '{id}' is {AnalysisRepository.Name(record.Status)}; a report exists only once it has succeeded.",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (kind == "json")
        {
            return TypedResults.Text(json, "application/json", Encoding.UTF8);
        }

        var report = ReportJson.Deserialize(json);
        switch (kind)
        {
            case "md":
                return TypedResults.Text(MarkdownReport.Render(report), "text/markdown", Encoding.UTF8);
            case "csv":
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportFiles.CsvName}\"";
                return TypedResults.Text(GapsCsv.Render(report), "text/csv", Encoding.UTF8);
            default:
                // The report page styles itself inline, which the service's CSP forbids; as a download it opens as a file.
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportFiles.HtmlName}\"";
                return TypedResults.Text(HtmlReport.Render(report), "text/html", Encoding.UTF8);
        }
    }

    private static bool IsBlank(MemoryStream buffer) =>
        buffer.GetBuffer().AsSpan(0, (int)buffer.Length).TrimStart(" \t\r\n"u8).IsEmpty;
}
