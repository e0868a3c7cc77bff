using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Tests.Reports;

/// <summary>Hand-built report documents: three gaps (the second full of hostile text), one with no gaps, one with no metrics.</summary>
internal static class ReportFixtures
{
    public const string ScriptTitle = "<script>alert(1)</script> | Reset \"password\" | now";
    public const string AttributeBreakout = "\" onmouseover=\"alert(2)";
    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string JavaScriptUrl = "javascript:alert(3)";
    public const string SafeUrl = "https://help.example.com/kb/42?a=1&b=\"2\"";
    public const string HostileGapId = "=cmd|' /C calc'!A0";

    /// <summary>Weeks in the fixture's week segment; the fourth has no mature first contacts (FCR null).</summary>
    public static readonly string[] Weeks = ["2026-W20", "2026-W21", "2026-W22", "2026-W23", "2026-W24", "2026-W25"];

    public static readonly DateTimeOffset AsOf = new(2026, 6, 21, 0, 0, 0, TimeSpan.Zero);

    public static RateDocument Rate(long numerator, long denominator) => MetricsDocument.Map(new Rate(numerator, denominator))!;

    public static MetricSetDocument Metrics(RateDocument? fcr, bool allNull = false) => new()
    {
        Fcr = fcr,
        ReopenRate = allNull ? null : Rate(30, 400),
        EscalationRate = allNull ? null : Rate(50, 500),
        FirstTierResolutionRate = allNull ? null : Rate(350, 400),
        RepeatContactRate = allNull ? null : Rate(40, 500),
        DeflectionRate = null,
        NiaRate = allNull ? null : Rate(300, 380),
        LinkRate = allNull ? null : Rate(120, 400),
        AutonomousResolutionRate = null,
    };

    /// <summary>The document the renderers are tested against.</summary>
    public static ReportDocument Full() => Empty() with
    {
        Analysis = new AnalysisSettingsDocument
        {
            Embedder = "lsa-256",
            Dimensions = 256,
            ClustersRequested = "auto",
            Clusters = 3,
            Seed = 42,
            Failures = 120,
            Unclustered = 4,
            SimilarityThreshold = 0.35,
            Silhouette = 0.21,
        },
        Gaps = [PasswordGap(), HostileGap(), ExportGap()],
        UnclusteredFailures = ["t-901", "t-902", "t-903", "t-904"],
        Diagnostics =
        [
            new DiagnosticDocument { Dimension = "category", Key = "billing <b>", Kind = "premature_closure", Message = "FCR 90% with reopen 30% | n = 40" },
        ],
    };

    /// <summary>A metrics document whose gap analysis ran and found nothing.</summary>
    public static ReportDocument Empty() => new()
    {
        GeneratedAt = new DateTimeOffset(2026, 6, 22, 8, 30, 0, TimeSpan.Zero),
        AsOf = AsOf,
        Settings = new ReportSettings
        {
            AsOfOverride = null,
            FcrWindowHours = 168,
            FcrBusinessDays = null,
            DeflectionWindowHours = 72,
            NiaWindowHours = 720,
            Segments = ["category", "week"],
            DiagnosticMinimumSample = 30,
        },
        Counts = new CountsDocument
        {
            Tickets = 560,
            FirstContacts = 520,
            MatureFirstContacts = 500,
            Immature = 20,
            Failures = 120,
            Articles = 35,
            Sessions = 0,
        },
        Metrics = Metrics(Rate(380, 500)),
        MedianHoursToResolution = 18.5,
        Segments = new Dictionary<string, IReadOnlyList<SegmentDocument>>
        {
            // Deliberately out of order: the renderers sort weeks themselves.
            ["week"] = Enumerable.Reverse(Weeks).Select((key, i) => new SegmentDocument
            {
                Key = key,
                Tickets = 90,
                MedianHoursToResolution = 12,
                Metrics = Metrics(key == "2026-W23" ? null : Rate(60 + i, 85)),
            }).ToList(),
            ["category"] = [new SegmentDocument { Key = "billing", Tickets = 100, MedianHoursToResolution = null, Metrics = Metrics(Rate(70, 100)) }],
        },
        Articles = [],
        Diagnostics = [],
        Gaps = [],
        UnclusteredFailures = [],
    };

    /// <summary>A document where nothing is computable: every rate null, no segments, no gap analysis.</summary>
    public static ReportDocument NullMetrics() => Empty() with
    {
        Counts = new CountsDocument { Tickets = 0, FirstContacts = 0, MatureFirstContacts = 0, Immature = 0, Failures = 0, Articles = 0, Sessions = 0 },
        Metrics = Metrics(null, allNull: true),
        MedianHoursToResolution = null,
        Segments = new Dictionary<string, IReadOnlyList<SegmentDocument>>(),
        Gaps = null,
        UnclusteredFailures = null,
    };

    private static GapDocument PasswordGap() => new()
    {
        Id = "gap-0001",
        Rank = 1,
        Title = "Password reset link expired",
        Type = "missing",
        Reason = "No article passes the similarity threshold 0.35 (best 0.22).",
        Keywords = ["password", "reset link", "expired"],
        Emerging = true,
        TicketCount = 80,
        FailureCount = 40,
        Fcr = Rate(30, 70),
        FcrPointsLost = 0.08,
        ExpectedFcrLift = 0.045,
        ExpectedFcrLiftCiLow = 0.03,
        ExpectedFcrLiftCiHigh = 0.06,
        Trend = 1.5,
        FailuresLast4Weeks = 25,
        FailuresPrevious4Weeks = 10,
        Coverage = 0.05,
        TopArticles = [new GapArticleDocument { Id = "kb-7", Title = "Account settings", Similarity = 0.22, Url = "https://help.example.com/kb/7" }],
        RepresentativeTicketIds = ["t-1", "t-2"],
        FailureTicketIds = ["t-1", "t-2", "t-3"],
        SimilarityThreshold = 0.35,
        Pattern = "systemic",
        PatternReason = "chi-square 3.1, p = 0.54 over 6 agents",
        WeeklyFailures = Weeks.Select((w, i) => new KeyCountDocument(w, i * 2)).ToList(),
        Evidence =
        [
            Ticket("t-1", "Reset link says expired", representative: true),
            Ticket("t-2", "Cannot reset password", representative: true),
            Ticket("t-3", "Password link not working", representative: false),
        ],
        FailureCost = 1200,
    };

    private static GapDocument HostileGap() => new()
    {
        Id = HostileGapId,
        Rank = 2,
        Title = ScriptTitle,
        Type = "ineffective",
        SecondaryType = "outdated",
        Reason = AttributeBreakout + "\nsecond line | with pipe",
        Keywords = [Formula, "a|b", "<img src=x onerror=alert(7)>"],
        Emerging = false,
        TicketCount = 60,
        FailureCount = 30,
        Fcr = Rate(25, 55),
        FcrPointsLost = 0.06,
        ExpectedFcrLift = 0.02,
        Trend = -0.2,
        Coverage = 0.7,
        TopArticles =
        [
            new GapArticleDocument { Id = "kb-<1>", Title = "<img src=x onerror=alert(4)>", Similarity = 0.61, Url = JavaScriptUrl, BestChunk = "## Steps | <b>" },
            new GapArticleDocument { Id = "kb-2", Title = "Reset guide \"v2\"", Similarity = 0.58, Url = SafeUrl, LinkedTickets = 12, LinkedFcr = Rate(5, 12) },
        ],
        RepresentativeTicketIds = ["@SUM(A1)", "t-11"],
        FailureTicketIds = ["@SUM(A1)", "t-11"],
        SimilarityThreshold = 0.35,
        Pattern = "skill_based",
        PatternReason = "chi-square 14.2, p = 0.003",
        Agents = [new GapAgentDocument { Name = "<u>mallory</u>", Kind = "agent", Tickets = 20, Failures = 15, ExpectedFailures = 9.1 }],
        Categories = [new KeyCountDocument("login & access", 40)],
        WeeklyFailures = [new KeyCountDocument("2026-W24", 3), new KeyCountDocument("2026-W25", 5), new KeyCountDocument("2026-W26", 1)],
        Evidence =
        [
            Ticket("@SUM(A1)", "<script>alert(5)</script>", representative: true) with
            {
                Excerpt = "' onmouseover='alert(6)' x=\"",
                Resolution = "-2+3 | see <a href=\"javascript:alert(8)\">here</a>",
                LinkedArticleIds = ["kb-<1>"],
                Agent = "<u>mallory</u>",
            },
            Ticket("t-11", "Login loop", representative: true),
        ],
    };

    private static GapDocument ExportGap() => new()
    {
        Id = "gap-0003",
        Rank = 3,
        Title = "CSV export times out",
        Type = "process",
        Reason = "Failures are 80% escalations.",
        Keywords = ["export", "timeout"],
        Emerging = false,
        TicketCount = 30,
        FailureCount = 12,
        Fcr = null,
        FcrPointsLost = 0.024,
        ExpectedFcrLift = -0.001,
        Trend = null,
        Coverage = 0.9,
        TopArticles = [],
        RepresentativeTicketIds = [],
        FailureTicketIds = [],
    };

    private static EvidenceTicketDocument Ticket(string id, string subject, bool representative) => new()
    {
        Id = id,
        Subject = subject,
        Excerpt = "The customer could not finish the flow.",
        CreatedAt = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero),
        Outcome = representative ? "failure" : "success",
        FailureReasons = representative ? ["reopened", "followed_up"] : [],
        Representative = representative,
        Similarity = 0.8,
        Category = "login",
    };
}
