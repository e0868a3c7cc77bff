using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Reports;

/// <summary>Maps a <see cref="MetricsResult"/> to the metrics parts of report.json (DESIGN §9).</summary>
public static class MetricsDocument
{
    /// <summary>
    /// The report with generated_at (from <paramref name="timeProvider"/>, the system clock by default),
    /// as_of, settings, counts, metrics, segments, articles and diagnostics; no gaps.
    /// </summary>
    public static ReportDocument From(MetricsResult result, MetricsOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var segments = new Dictionary<string, IReadOnlyList<SegmentDocument>>(StringComparer.Ordinal);
        foreach (var (dimension, rows) in result.Segments)
        {
            segments[SegmentKeys.Name(dimension)] = rows
                .Select(row => new SegmentDocument
                {
                    Key = row.Key,
                    Tickets = row.Tickets,
                    MedianHoursToResolution = row.Metrics.MedianTimeToResolution?.TotalHours,
                    Metrics = Map(row.Metrics),
                })
                .ToList();
        }

        return new ReportDocument
        {
            GeneratedAt = (timeProvider ?? TimeProvider.System).GetUtcNow(),
            AsOf = result.AsOf,
            Settings = new ReportSettings
            {
                AsOfOverride = options.AsOf,
                FcrWindowHours = options.FcrWindow.TotalHours,
                FcrBusinessDays = options.FcrBusinessDays,
                DeflectionWindowHours = options.DeflectionWindow.TotalHours,
                NiaWindowHours = options.NiaWindow.TotalHours,
                Segments = options.Segments.Distinct().Select(SegmentKeys.Name).ToList(),
                DiagnosticMinimumSample = options.DiagnosticMinimumSample,
            },
            Counts = new CountsDocument
            {
                Tickets = result.Counts.Tickets,
                FirstContacts = result.Counts.FirstContacts,
                MatureFirstContacts = result.Counts.MatureFirstContacts,
                Immature = result.Counts.Immature,
                Failures = result.Counts.Failures,
                Articles = result.Counts.Articles,
                Sessions = result.Counts.Sessions,
            },
            Metrics = Map(result.Overall),
            MedianHoursToResolution = result.Overall.MedianTimeToResolution?.TotalHours,
            Segments = segments,
            Articles = result.Articles
                .Select(article => new ArticleDocument
                {
                    Id = article.ArticleId,
                    LinkedTickets = article.LinkedTickets,
                    Fcr = Map(article.Fcr),
                    SessionsViewed = article.SessionsViewed,
                    DeflectionRate = Map(article.DeflectionRate),
                })
                .ToList(),
            Diagnostics = result.Diagnostics
                .Select(d => new DiagnosticDocument { Dimension = d.Dimension, Key = d.Key, Kind = d.Kind, Message = d.Message })
                .ToList(),
        };
    }

    /// <summary>A rate object, or null.</summary>
    public static RateDocument? Map(Rate? rate) => rate is null ? null : new RateDocument
    {
        Rate = rate.Value,
        Numerator = rate.Numerator,
        Denominator = rate.Denominator,
        CiLow = rate.CiLow,
        CiHigh = rate.CiHigh,
    };

    /// <summary>The rate objects of a metric set.</summary>
    public static MetricSetDocument Map(MetricSet metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new MetricSetDocument
        {
            Fcr = Map(metrics.Fcr),
            ReopenRate = Map(metrics.ReopenRate),
            EscalationRate = Map(metrics.EscalationRate),
            FirstTierResolutionRate = Map(metrics.FirstTierResolutionRate),
            RepeatContactRate = Map(metrics.RepeatContactRate),
            DeflectionRate = Map(metrics.DeflectionRate),
            NiaRate = Map(metrics.NiaRate),
            LinkRate = Map(metrics.LinkRate),
            AutonomousResolutionRate = Map(metrics.AutonomousResolutionRate),
        };
    }
}
