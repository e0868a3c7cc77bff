using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Computes DESIGN §3's metrics: FCR with follow-ups and maturity (<see cref="FirstContactResolution"/>,
/// <see cref="FollowUps"/>), reopen, escalation, first-tier resolution, repeat contact, link rate and
/// median time to resolution (<see cref="MetricAccumulator"/>), knowledge deflection
/// (<see cref="KnowledgeDeflection"/>), next-issue avoidance (<see cref="NextIssueAvoidance"/>),
/// autonomous resolution (<see cref="AutonomousResolution"/>), per segment and per article, with
/// diagnostics (<see cref="MetricDiagnostics"/>). O(n log n): tickets are grouped per customer and
/// thread and every window is a binary search. as_of decides maturity only; tickets created after it
/// still count, as immature.
/// </summary>
public static class MetricsEngine
{
    /// <summary>Computes every metric; <paramref name="articleCount"/> only feeds <see cref="MetricCounts.Articles"/>.</summary>
    public static MetricsResult Compute(IReadOnlyList<Ticket> tickets, IReadOnlyList<SelfServiceSession> sessions, MetricsOptions options, int articleCount = 0)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(articleCount);
        options.Validate();

        var asOf = options.AsOf ?? LatestTimestamp(tickets, sessions);
        var asOfTicks = asOf.UtcTicks;
        var timeline = TicketTimeline.Build(tickets);
        var fcrWindow = TimeWindow.From(options);
        var niaWindow = TimeWindow.Calendar(options.NiaWindow);
        var (isFollowUp, followedUp) = FollowUps.Detect(timeline, fcrWindow);

        var n = tickets.Count;
        var facts = new TicketFacts[n];
        var outcomes = new TicketOutcome[n];
        var overall = new MetricAccumulator();
        for (var i = 0; i < n; i++)
        {
            var ticket = tickets[i];
            var resolved = timeline.Resolved[i];
            var isResolved = resolved != TicketTimeline.NotResolved;
            var (outcome, reasons, mature) = FirstContactResolution.Evaluate(
                ticket, timeline.Created[i], resolved, isFollowUp[i], followedUp[i], fcrWindow, asOfTicks);
            var nia = NextIssueAvoidance.Evaluate(timeline, i, niaWindow, asOfTicks);
            facts[i] = new TicketFacts
            {
                Resolved = isResolved,
                Reopened = ticket.ReopenCount > 0,
                Escalated = (reasons & FcrFailureReasons.Escalated) != 0,
                IsFollowUp = isFollowUp[i],
                Linked = ticket.LinkedArticleIds.Count > 0,
                Fcr = outcome,
                Nia = nia,
                Autonomous = AutonomousResolution.Evaluate(ticket, isResolved, followedUp[i], mature),
                ResolutionTicks = isResolved ? resolved - timeline.Created[i] : 0,
            };
            outcomes[i] = new TicketOutcome(ticket.Id, isFollowUp[i], mature, outcome, reasons, nia == TicketFacts.NotCounted ? null : nia == 1);
            overall.Add(facts[i]);
        }

        var deflection = new sbyte[sessions.Count];
        for (var s = 0; s < sessions.Count; s++)
        {
            deflection[s] = KnowledgeDeflection.Evaluate(timeline, sessions[s], options.DeflectionWindow, asOfTicks);
            overall.AddSession(deflection[s]);
        }

        var medians = new ResolutionMedians(facts);
        var overallMetrics = overall.ToMetricSet(medians.Overall());
        var monthCodes = new int[n];
        for (var i = 0; i < n; i++)
        {
            monthCodes[i] = SegmentKeys.TimeCode(tickets[i].CreatedAt, SegmentDimension.Month);
        }

        var latestComplete = SegmentKeys.PreviousMonth(SegmentKeys.TimeCode(asOf, SegmentDimension.Month));
        var context = new SegmentContext(tickets, facts, sessions, deflection, monthCodes, latestComplete, medians);

        var segments = new Dictionary<SegmentDimension, IReadOnlyList<SegmentMetrics>>();
        var diagnostics = new List<MetricDiagnostic>();
        foreach (var dimension in options.Segments.Distinct())
        {
            var (rows, trends) = Segment(context, dimension);
            segments.Add(dimension, rows);
            diagnostics.AddRange(MetricDiagnostics.ForSegments(overallMetrics, SegmentKeys.Name(dimension), rows, trends, options.DiagnosticMinimumSample));
        }

        diagnostics.AddRange(MetricDiagnostics.ForOverallTrend(MonthOverMonth(context), options.DiagnosticMinimumSample));

        return new MetricsResult
        {
            AsOf = asOf,
            Counts = new MetricCounts
            {
                Tickets = overall.Tickets,
                FirstContacts = overall.FirstContacts,
                MatureFirstContacts = overall.MatureFirstContacts,
                Immature = overall.Immature,
                Failures = overall.Failures,
                Articles = articleCount,
                Sessions = sessions.Count,
            },
            Overall = overallMetrics,
            Segments = segments,
            Articles = Articles(tickets, facts, sessions, deflection),
            Diagnostics = diagnostics,
            Outcomes = outcomes,
            Timeline = timeline,
        };
    }

    /// <summary>The latest created_at, resolved_at or session started_at; the Unix epoch when there is no data.</summary>
    internal static DateTimeOffset LatestTimestamp(IReadOnlyList<Ticket> tickets, IReadOnlyList<SelfServiceSession> sessions)
    {
        DateTimeOffset? latest = null;
        foreach (var ticket in tickets)
        {
            latest = Later(latest, ticket.CreatedAt);
            if (ticket.ResolvedAt is { } resolved)
            {
                latest = Later(latest, resolved);
            }
        }

        foreach (var session in sessions)
        {
            latest = Later(latest, session.StartedAt);
        }

        return latest ?? DateTimeOffset.UnixEpoch;

        static DateTimeOffset Later(DateTimeOffset? current, DateTimeOffset candidate) =>
            current is null || candidate > current ? candidate : current.Value;
    }

    private static (IReadOnlyList<SegmentMetrics> Rows, IReadOnlyDictionary<string, SegmentTrend> Trends) Segment(SegmentContext context, SegmentDimension dimension)
    {
        var buckets = new List<Bucket>();
        var tickets = context.Tickets;
        var bucketOf = new int[tickets.Count];
        var previousMonth = SegmentKeys.PreviousMonth(context.LatestCompleteMonth);
        if (dimension is SegmentDimension.Week or SegmentDimension.Month)
        {
            var byCode = new Dictionary<int, Bucket>();
            for (var i = 0; i < tickets.Count; i++)
            {
                var code = dimension == SegmentDimension.Month ? context.MonthCodes[i] : SegmentKeys.TimeCode(tickets[i].CreatedAt, dimension);
                var bucket = BucketOf(byCode, code, dimension, buckets);
                bucket.Add(context, i, previousMonth);
                bucketOf[i] = bucket.Index;
            }

            for (var s = 0; s < context.Sessions.Count; s++)
            {
                BucketOf(byCode, SegmentKeys.TimeCode(context.Sessions[s].StartedAt, dimension), dimension, buckets).Metrics.AddSession(context.Deflection[s]);
            }
        }
        else
        {
            var byKey = new Dictionary<string, Bucket>(StringComparer.Ordinal);
            for (var i = 0; i < tickets.Count; i++)
            {
                var key = SegmentKeys.Attribute(tickets[i], dimension);
                if (!byKey.TryGetValue(key, out var bucket))
                {
                    bucket = new Bucket(key, buckets.Count);
                    byKey.Add(key, bucket);
                    buckets.Add(bucket);
                }

                bucket.Add(context, i, previousMonth);
                bucketOf[i] = bucket.Index;
            }
        }

        var medians = context.Medians.PerGroup(bucketOf, buckets.Count);
        buckets.Sort(static (a, b) => a.Metrics.Tickets != b.Metrics.Tickets
            ? b.Metrics.Tickets.CompareTo(a.Metrics.Tickets)
            : string.CompareOrdinal(a.Key, b.Key));

        var rows = new List<SegmentMetrics>(buckets.Count);
        var trends = new Dictionary<string, SegmentTrend>(StringComparer.Ordinal);
        var previousKey = SegmentKeys.TimeKey(previousMonth, SegmentDimension.Month);
        var latestKey = SegmentKeys.TimeKey(context.LatestCompleteMonth, SegmentDimension.Month);
        foreach (var bucket in buckets)
        {
            rows.Add(new SegmentMetrics(bucket.Key, bucket.Metrics.Tickets, bucket.Metrics.ToMetricSet(medians[bucket.Index])));
            if (dimension is not (SegmentDimension.Week or SegmentDimension.Month))
            {
                trends.Add(bucket.Key, new SegmentTrend(
                    bucket.Key,
                    previousKey,
                    bucket.Tickets[0],
                    Rate.Of(bucket.FcrSuccesses[0], bucket.FcrMature[0]),
                    latestKey,
                    bucket.Tickets[1],
                    Rate.Of(bucket.FcrSuccesses[1], bucket.FcrMature[1])));
            }
        }

        return (rows, trends);

        static Bucket BucketOf(Dictionary<int, Bucket> byCode, int code, SegmentDimension dimension, List<Bucket> buckets)
        {
            if (!byCode.TryGetValue(code, out var bucket))
            {
                bucket = new Bucket(SegmentKeys.TimeKey(code, dimension), buckets.Count);
                byCode.Add(code, bucket);
                buckets.Add(bucket);
            }

            return bucket;
        }
    }

    /// <summary>Every pair of adjacent calendar months that both ended by as_of, oldest first.</summary>
    private static List<SegmentTrend> MonthOverMonth(SegmentContext context)
    {
        var months = new SortedDictionary<int, (long Tickets, long Successes, long Mature)>();
        for (var i = 0; i < context.Tickets.Count; i++)
        {
            var code = context.MonthCodes[i];
            if (code > context.LatestCompleteMonth)
            {
                continue;
            }

            months.TryGetValue(code, out var month);
            month.Tickets++;
            if (context.Facts[i].Fcr is FcrOutcome.Success or FcrOutcome.Failure)
            {
                month.Mature++;
                month.Successes += context.Facts[i].Fcr == FcrOutcome.Success ? 1 : 0;
            }

            months[code] = month;
        }

        var pairs = new List<SegmentTrend>();
        foreach (var (code, month) in months)
        {
            var previousCode = SegmentKeys.PreviousMonth(code);
            if (months.TryGetValue(previousCode, out var previous))
            {
                pairs.Add(new SegmentTrend(
                    MetricDiagnostic.OverallDimension,
                    SegmentKeys.TimeKey(previousCode, SegmentDimension.Month),
                    previous.Tickets,
                    Rate.Of(previous.Successes, previous.Mature),
                    SegmentKeys.TimeKey(code, SegmentDimension.Month),
                    month.Tickets,
                    Rate.Of(month.Successes, month.Mature)));
            }
        }

        return pairs;
    }

    private static List<ArticleMetrics> Articles(IReadOnlyList<Ticket> tickets, TicketFacts[] facts, IReadOnlyList<SelfServiceSession> sessions, sbyte[] deflection)
    {
        var articles = new Dictionary<string, ArticleBucket>(StringComparer.Ordinal);
        for (var i = 0; i < tickets.Count; i++)
        {
            var linked = tickets[i].LinkedArticleIds;
            for (var a = 0; a < linked.Count; a++)
            {
                if (string.IsNullOrWhiteSpace(linked[a]) || IsRepeat(linked, a))
                {
                    continue;
                }

                var bucket = ArticleOf(articles, linked[a]);
                bucket.LinkedTickets++;
                if (facts[i].Fcr is FcrOutcome.Success or FcrOutcome.Failure)
                {
                    bucket.FcrMature++;
                    bucket.FcrSuccesses += facts[i].Fcr == FcrOutcome.Success ? 1 : 0;
                }
            }
        }

        for (var s = 0; s < sessions.Count; s++)
        {
            var viewed = sessions[s].ViewedArticleIds;
            for (var a = 0; a < viewed.Count; a++)
            {
                if (string.IsNullOrWhiteSpace(viewed[a]) || IsRepeat(viewed, a))
                {
                    continue;
                }

                var bucket = ArticleOf(articles, viewed[a]);
                bucket.Views++;
                if (deflection[s] != TicketFacts.NotCounted)
                {
                    bucket.MatureViews++;
                    bucket.Deflected += deflection[s];
                }
            }
        }

        var result = articles.Select(pair => new ArticleMetrics(
                pair.Key,
                pair.Value.LinkedTickets,
                Rate.Of(pair.Value.FcrSuccesses, pair.Value.FcrMature),
                pair.Value.Views,
                Rate.Of(pair.Value.Deflected, pair.Value.MatureViews)))
            .ToList();
        result.Sort(static (a, b) => a.LinkedTickets != b.LinkedTickets ? b.LinkedTickets.CompareTo(a.LinkedTickets)
            : a.SessionsViewed != b.SessionsViewed ? b.SessionsViewed.CompareTo(a.SessionsViewed)
            : string.CompareOrdinal(a.ArticleId, b.ArticleId));
        return result;

        // Lists are a handful of ids: a backwards scan beats a set.
        static bool IsRepeat(IReadOnlyList<string> ids, int index)
        {
            for (var j = 0; j < index; j++)
            {
                if (string.Equals(ids[j], ids[index], StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        static ArticleBucket ArticleOf(Dictionary<string, ArticleBucket> articles, string id)
        {
            if (!articles.TryGetValue(id, out var bucket))
            {
                bucket = new ArticleBucket();
                articles.Add(id, bucket);
            }

            return bucket;
        }
    }

    private sealed record SegmentContext(
        IReadOnlyList<Ticket> Tickets,
        TicketFacts[] Facts,
        IReadOnlyList<SelfServiceSession> Sessions,
        sbyte[] Deflection,
        int[] MonthCodes,
        int LatestCompleteMonth,
        ResolutionMedians Medians);

    private sealed class Bucket(string key, int index)
    {
        public string Key { get; } = key;

        /// <summary>The order of creation: the group number for <see cref="ResolutionMedians"/>.</summary>
        public int Index { get; } = index;

        public MetricAccumulator Metrics { get; } = new();

        // [0] = the month before the latest complete month, [1] = the latest complete month.
        public long[] Tickets { get; } = new long[2];

        public long[] FcrSuccesses { get; } = new long[2];

        public long[] FcrMature { get; } = new long[2];

        public void Add(SegmentContext context, int ticket, int previousMonth)
        {
            ref readonly var facts = ref context.Facts[ticket];
            Metrics.Add(facts);
            var code = context.MonthCodes[ticket];
            var slot = code == context.LatestCompleteMonth ? 1 : code == previousMonth ? 0 : -1;
            if (slot < 0)
            {
                return;
            }

            Tickets[slot]++;
            if (facts.Fcr is FcrOutcome.Success or FcrOutcome.Failure)
            {
                FcrMature[slot]++;
                FcrSuccesses[slot] += facts.Fcr == FcrOutcome.Success ? 1 : 0;
            }
        }
    }

    private sealed class ArticleBucket
    {
        public long LinkedTickets { get; set; }

        public long FcrMature { get; set; }

        public long FcrSuccesses { get; set; }

        public long Views { get; set; }

        public long MatureViews { get; set; }

        public long Deflected { get; set; }
    }
}
