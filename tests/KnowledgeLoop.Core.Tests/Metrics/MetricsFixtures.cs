using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Core.Tests.Metrics;

/// <summary>Tiny hand-computable fixtures: times are offsets from Monday 2026-06-01 00:00 UTC.</summary>
internal static class MetricsFixtures
{
    public const double Tolerance = 1e-9;

    public static readonly DateTimeOffset Monday = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(double days) => Monday.AddDays(days);

    public static Ticket Ticket(
        string id,
        string customer,
        double createdDay,
        double? resolvedDay = null,
        string? category = "billing",
        int reopens = 0,
        bool escalated = false,
        string[]? articles = null,
        ResolvedBy? resolvedBy = null) => new()
        {
            Id = id,
            CustomerId = customer,
            Subject = "subject " + id,
            CreatedAt = Day(createdDay),
            ResolvedAt = resolvedDay is { } r ? Day(r) : null,
            Category = category,
            ReopenCount = reopens,
            Escalated = escalated,
            LinkedArticleIds = articles ?? [],
            ResolvedBy = resolvedBy,
        };

    public static SelfServiceSession Session(string id, string customer, double startedDay, params string[] viewed) => new()
    {
        Id = id,
        CustomerId = customer,
        StartedAt = Day(startedDay),
        ViewedArticleIds = viewed,
    };

    /// <summary>Options with as_of fixed at <paramref name="asOfDay"/> and no segments unless configured.</summary>
    public static MetricsOptions Options(double asOfDay, Action<MetricsOptions>? configure = null)
    {
        var options = new MetricsOptions { AsOf = Day(asOfDay), Segments = [] };
        configure?.Invoke(options);
        return options;
    }

    public static MetricsResult Compute(MetricsOptions options, params Ticket[] tickets) =>
        MetricsEngine.Compute(tickets, [], options);

    public static TicketOutcome Outcome(MetricsResult result, string id) => result.Outcomes.Single(o => o.TicketId == id);

    public static void AssertRate(long numerator, long denominator, Rate? rate)
    {
        Assert.NotNull(rate);
        Assert.Equal((numerator, denominator), (rate.Numerator, rate.Denominator));
    }
}
