using System.Globalization;
using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KnowledgeLoop.Api.Features.Metrics;

/// <summary><c>/api/metrics</c>: FCR and the other rates, overall and by segment, with weekly trend and diagnostics.</summary>
internal static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/metrics").WithTags("Metrics");
        group.MapGet("/", Get)
            .WithName("GetMetrics")
            .WithSummary("The metrics document (as 'knowledgeloop metrics --json'): from/to filter tickets by created_at, segment=dimension:value restricts to one segment.");
        return endpoints;
    }

    private static Results<Ok<ReportDocument>, ValidationProblem> Get(string? from, string? to, string? segment, MetricsService metrics, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var start = ParseTime(from, "from", endOfDay: false, errors);
        var before = ParseTime(to, "to", endOfDay: true, errors);
        if (start is not null && before is not null && before <= start)
        {
            errors["to"] = ["must be after from."];
        }

        SegmentDimension? dimension = null;
        string? value = null;
        if (!string.IsNullOrWhiteSpace(segment))
        {
            var colon = segment.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == segment.Length - 1
                || !Enum.TryParse<SegmentDimension>(segment[..colon].Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                errors["segment"] = ["must be dimension:value with dimension one of category, product, channel, priority, group, agent, week, month (e.g. channel:email)."];
            }
            else
            {
                dimension = parsed;
                value = segment[(colon + 1)..].Trim();
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(metrics.Compute(new MetricsQuery(start, before, dimension, value), cancellationToken));
    }

    // A date alone means the whole day: from=2026-06-01 starts at midnight UTC, to=2026-06-30 ends at the next midnight.
    private static DateTimeOffset? ParseTime(string? text, string field, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors[field] = ["must be an ISO 8601 date or time, e.g. 2026-06-01 or 2026-06-01T00:00:00Z."];
        return null;
    }
}
