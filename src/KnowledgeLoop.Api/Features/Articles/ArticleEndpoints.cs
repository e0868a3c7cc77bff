using System.Globalization;
using KnowledgeLoop.Api.Features.Imports;
using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Articles;

/// <summary><c>/api/articles</c>: import the knowledge base, list it, read one article.</summary>
internal static class ArticleEndpoints
{
    private const int MaximumLimit = 500;

    public static IEndpointRouteBuilder MapArticleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/articles").WithTags("Articles");
        group.MapPost("/", Import)
            .Accepts<IReadOnlyList<Dictionary<string, object>>>("application/json", "multipart/form-data")
            .WithName("ImportArticles")
            .WithSummary("Imports articles: a JSON array (or {\"items\":[...]}), or a file in the multipart part 'file' (CSV, JSON, JSON Lines, or one .md/.html article). All-or-nothing unless allowPartial=true.");
        group.MapGet("/", List)
            .WithName("ListArticles")
            .WithSummary("The articles by id, a page at a time (offset, limit ≤ 500).");
        group.MapGet("/{id}", Get)
            .WithName("GetArticle")
            .WithSummary("One article with its body.");
        return endpoints;
    }

    private static Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, string? format, string? allowPartial, ImportService imports, CancellationToken cancellationToken) =>
        imports.ImportAsync(ImportKind.Articles, request, format, allowPartial, cancellationToken);

    private static Results<Ok<ArticlePageResponse>, ValidationProblem> List(string? offset, string? limit, KnowledgeStoreFactory stores)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var skip = 0;
        var take = 50;
        if (offset is not null && (!int.TryParse(offset, NumberStyles.Integer, CultureInfo.InvariantCulture, out skip) || skip < 0))
        {
            errors["offset"] = ["must be a whole number, 0 or more."];
        }

        if (limit is not null && (!int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaximumLimit))
        {
            errors["limit"] = [string.Create(CultureInfo.InvariantCulture, $"must be a whole number from 1 to {MaximumLimit}.")];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var articles = stores.Run(store => store.ReadArticles().ToList());
        return TypedResults.Ok(new ArticlePageResponse(
            articles.Count,
            articles.Skip(skip).Take(take).Select(a => new ArticleSummaryResponse(a.Id, a.Title, a.Url, a.UpdatedAt, a.Tags, a.Section)).ToList()));
    }

    private static Results<Ok<ArticleResponse>, ProblemHttpResult> Get(string id, KnowledgeStoreFactory stores)
    {
        var article = stores.Run(store => store.ReadArticles().FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal)));
        return article is null
            ? Problems.NotFound($"There is no article '{id}'.")
            : TypedResults.Ok(new ArticleResponse(article.Id, article.Title, article.Body, article.Url, article.CreatedAt, article.UpdatedAt, article.Tags, article.Section));
    }
}
