using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>Small gap documents for narrator tests.</summary>
internal static class GapFixtures
{
    public static GapDocument Gap(int rank, string type, string? secondary = null) => new()
    {
        Id = $"gap-{rank}",
        Rank = rank,
        Title = "Duplicate · twice · transactions",
        Type = type,
        Reason = "no article passes the similarity threshold 0.35",
        Keywords = ["duplicate", "twice", "transactions"],
        Emerging = false,
        TicketCount = 40,
        FailureCount = 20,
        Fcr = null,
        FcrPointsLost = 0.01,
        ExpectedFcrLift = 0.005,
        Trend = null,
        Coverage = 0.2,
        TopArticles = [new GapArticleDocument { Id = "KB-1008", Title = "Reconnect a bank feed", Similarity = 0.37, LinkedTickets = 3 }],
        RepresentativeTicketIds = ["T-1"],
        FailureTicketIds = ["T-1", "T-2"],
        SecondaryType = secondary,
        SimilarityThreshold = 0.35,
        Evidence =
        [
            new EvidenceTicketDocument
            {
                Id = "T-1", Subject = "Bank feed shows every transaction twice", Excerpt = "Mail me at ana@example.com, every payment appears twice.",
                CreatedAt = DateTimeOffset.UnixEpoch, Outcome = "failure", FailureReasons = ["reopened"], Representative = true, Similarity = 0.8,
            },
        ],
    };

    public static ReportDocument Report(params GapDocument[] gaps) => new()
    {
        GeneratedAt = DateTimeOffset.UnixEpoch,
        AsOf = DateTimeOffset.UnixEpoch,
        Settings = null!,
        Counts = null!,
        Metrics = null!,
        MedianHoursToResolution = null,
        Segments = new Dictionary<string, IReadOnlyList<SegmentDocument>>(),
        Articles = [],
        Diagnostics = [],
        Gaps = gaps,
    };
}
