using System.Globalization;
using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Core.Search;
using KnowledgeLoop.Core.Text;
using KnowledgeLoop.Core.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Similar;

/// <summary><c>/api/similar</c>: similar past cases split into what worked and what failed, and the best articles.</summary>
internal static class SimilarEndpoints
{
    /// <summary>The outcome filter's value for tickets resolved on first contact.</summary>
    public const string ResolvedOutcome = "resolved_first_contact";

    /// <summary>The outcome filter's value for failed tickets.</summary>
    public const string FailedOutcome = "failed";

    private const int MaximumQueryLength = 4000;
    private const int ExcerptLength = 240;

    public static IEndpointRouteBuilder MapSimilarEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/similar").WithTags("Similar cases");
        group.MapGet("/", Search)
            .RequireRateLimiting(SimilarRateLimitOptions.PolicyName)
            .WithName("SearchSimilarCases")
            .WithSummary("Past tickets like the query text, split into resolved on first contact and failed, with the best articles.");
        return endpoints;
    }

    private static async Task<Results<Ok<SimilarResponse>, ValidationProblem, ProblemHttpResult>> Search(
        string? q, string? k, string? category, string? outcome, SimilarSearchProvider provider, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["is required: the text to search for."];
        }
        else if (q.Length > MaximumQueryLength)
        {
            errors["q"] = [string.Create(CultureInfo.InvariantCulture, $"must be at most {MaximumQueryLength} characters.")];
        }

        var count = 5;
        if (k is not null && (!int.TryParse(k, NumberStyles.Integer, CultureInfo.InvariantCulture, out count) || count is < 1 or > 50))
        {
            errors["k"] = ["must be a whole number from 1 to 50."];
        }

        if (outcome is not (null or "" or ResolvedOutcome or FailedOutcome))
        {
            errors["outcome"] = [$"must be {ResolvedOutcome} or {FailedOutcome}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var snapshot = await provider.GetAsync(cancellationToken);
        if (snapshot is null)
        {
            return Problems.NoAnalysis("Similar-case search needs a finished analysis; start one with POST /api/analyses.");
        }

        var filter = new SimilarCaseFilter(
            string.IsNullOrWhiteSpace(category) ? null : category.Trim(),
            Resolved: outcome is not FailedOutcome,
            Failed: outcome is not ResolvedOutcome);
        var cases = await snapshot.Search.SearchAsync(q!, count, filter, cancellationToken);
        return TypedResults.Ok(new SimilarResponse(
            q!,
            cases.Resolved.Select(c => Case(c, ResolvedOutcome, snapshot)).ToList(),
            cases.Failed.Select(c => Case(c, FailedOutcome, snapshot)).ToList(),
            cases.Articles.Select(a => new SimilarArticleResponse(a.Article.Id, a.Article.Title, a.Article.Url, Math.Round(a.Similarity, 4), a.Heading)).ToList()));
    }

    /// <summary>The excerpt a hit shows: the description (or the subject) on one line, at most 240 characters.</summary>
    public static string Excerpt(Ticket ticket) =>
        TextExcerpt.Shorten(ticket.Description ?? ticket.Subject ?? string.Empty, ExcerptLength);

    private static SimilarCaseResponse Case(SimilarCase item, string outcome, SimilarSnapshot snapshot)
    {
        var ticket = item.Ticket;
        return new SimilarCaseResponse(
            ticket.Id,
            ticket.Subject,
            ticket.Description ?? string.Empty, // the snapshot's tickets hold the excerpt already (SimilarSearchProvider)
            item.Similarity,
            outcome,
            ticket.Category,
            ticket.CreatedAt,
            ticket.Resolution,
            ticket.LinkedArticleIds
                .Select(id => snapshot.Articles.GetValueOrDefault(id) ?? new LinkedArticle(id, id, null))
                .ToList());
    }
}
