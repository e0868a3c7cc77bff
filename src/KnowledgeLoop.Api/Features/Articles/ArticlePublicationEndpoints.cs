using System.Globalization;
using System.Text.Json;
using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Articles;

/// <summary><c>POST /api/articles/{id}/published</c>: records that an article went live, for impact tracking.</summary>
internal static class ArticlePublicationEndpoints
{
    private const int MaximumBodyBytes = 16 * 1024;
    private const int MaximumGapIdLength = 200;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapArticlePublicationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/articles").WithTags("Articles")
            .MapPost("/{id}/published", Publish)
            .Accepts<PublishedBody>("application/json")
            .WithName("PublishArticle")
            .WithSummary("Records that the article went live (body optional: published_at, default now; gap_id, the gap it fixes). Every later analysis measures its impact.");
        return endpoints;
    }

    private static async Task<Results<Created<ArticlePublicationResponse>, ValidationProblem, ProblemHttpResult>> Publish(
        string id, HttpRequest request, KnowledgeStoreFactory stores, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var publishedAt = now;
        string? gapId = null;

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaximumBodyBytes)
        {
            return Problems.TooLarge(string.Create(CultureInfo.InvariantCulture, $"The body may hold at most {MaximumBodyBytes} bytes."));
        }

        if (buffer.Length > 0)
        {
            try
            {
                using var json = JsonDocument.Parse(buffer.ToArray());
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return TypedResults.ValidationProblem(Errors.One("body", "must be a JSON object: {\"published_at\": \"2026-08-25T09:00:00Z\", \"gap_id\": \"gap-...\"}."));
                }

                foreach (var property in json.RootElement.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "published_at" when property.Value.ValueKind == JsonValueKind.Null:
                            break;
                        case "published_at":
                            if (property.Value.ValueKind != JsonValueKind.String
                                || !DateTimeOffset.TryParse(property.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out publishedAt))
                            {
                                errors["published_at"] = ["must be an ISO 8601 time, e.g. 2026-08-25T09:00:00Z."];
                            }
                            else if (publishedAt > now + ClockSkew)
                            {
                                errors["published_at"] = ["must not be in the future."];
                            }

                            break;
                        case "gap_id" when property.Value.ValueKind == JsonValueKind.Null:
                            break;
                        case "gap_id":
                            gapId = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                            if (string.IsNullOrWhiteSpace(gapId) || gapId.Length > MaximumGapIdLength)
                            {
                                errors["gap_id"] = [string.Create(CultureInfo.InvariantCulture, $"must be a gap id (a non-empty string of at most {MaximumGapIdLength} characters).")];
                            }

                            break;
                        default:
                            errors[property.Name] = ["is not a field of a publication (published_at, gap_id)."];
                            break;
                    }
                }
            }
            catch (JsonException exception)
            {
                return TypedResults.ValidationProblem(Errors.One("body", Errors.JsonReason(exception)));
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var publication = new ArticlePublication(id, publishedAt.ToUniversalTime(), gapId);
        var known = stores.Run(store =>
        {
            if (!store.ReadArticles(cancellationToken).Any(a => string.Equals(a.Id, id, StringComparison.Ordinal)))
            {
                return false;
            }

            new ArticlePublicationRepository(store).Add(publication, now);
            return true;
        });
        if (!known)
        {
            return Problems.NotFound($"There is no article '{id}'.");
        }

        return TypedResults.Created(
            $"/api/articles/{Uri.EscapeDataString(id)}",
            new ArticlePublicationResponse(id, publication.PublishedAt, gapId, "Recorded; the next analysis measures the article's impact on its gap (GET /api/gaps/{id}/impact)."));
    }

    /// <summary>The optional body, for the OpenAPI document.</summary>
    internal sealed record PublishedBody(DateTimeOffset? PublishedAt, string? GapId);
}
