using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Tickets;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Metrics;

public class SegmentTests
{
    [Fact]
    public void Segments_Category_SortedByTicketsThenKeyWithNoneForMissing()
    {
        var result = Compute(
            Options(60, o => o.Segments = [SegmentDimension.Category]),
            Ticket("a", "c1", 0, 1, category: "login"),
            Ticket("b", "c2", 0, 1, category: null),
            Ticket("c", "c3", 0, 1, category: "billing"),
            Ticket("d", "c4", 0, 1, category: "billing", reopens: 1),
            Ticket("e", "c5", 0, 1, category: ""),
            Ticket("f", "c6", 0, 1, category: "billing"),
            Ticket("g", "c7", 0, 1, category: "login"));

        var rows = Assert.Single(result.Segments).Value;
        Assert.Equal(["billing", "(none)", "login"], rows.Select(r => r.Key));
        Assert.Equal([3L, 2L, 2L], rows.Select(r => r.Tickets));
        AssertRate(2, 3, rows[0].Metrics.Fcr);
        AssertRate(1, 3, rows[0].Metrics.ReopenRate);
        AssertRate(2, 2, rows[2].Metrics.Fcr);
    }

    [Fact]
    public void Segments_WeekAndMonth_UseIsoWeekAndCalendarMonthOfCreatedAt()
    {
        var newYear = new Ticket
        {
            Id = "ny",
            CustomerId = "c9",
            Subject = "s",
            CreatedAt = new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero),
        };
        var result = Compute(
            Options(400, o => o.Segments = [SegmentDimension.Week, SegmentDimension.Month]),
            Ticket("a", "c1", 0, 1),
            Ticket("b", "c2", 6.9, 8),
            Ticket("c", "c3", 7, 8),
            Ticket("d", "c4", 30, 31),
            newYear);

        Assert.Equal(2, result.Segments.Count);
        var weeks = result.Segments[SegmentDimension.Week].ToDictionary(r => r.Key, r => r.Tickets);
        Assert.Equal(new Dictionary<string, long> { ["2026-W23"] = 2, ["2026-W24"] = 1, ["2026-W27"] = 1, ["2026-W53"] = 1 }, weeks);
        var months = result.Segments[SegmentDimension.Month];
        Assert.Equal(["2026-06", "2026-07", "2027-01"], months.Select(r => r.Key));
        Assert.Equal([3L, 1L, 1L], months.Select(r => r.Tickets));
    }

    [Fact]
    public void Segments_Month_CarriesDeflectionOfSessionsStartedThatMonth()
    {
        var tickets = new[] { Ticket("a", "c1", 1, 2) };
        var sessions = new[] { Session("june", "c1", 0), Session("july", "c2", 31) };

        var result = MetricsEngine.Compute(tickets, sessions, Options(60, o => o.Segments = [SegmentDimension.Month, SegmentDimension.Category]));

        var months = result.Segments[SegmentDimension.Month];
        AssertRate(0, 1, months.Single(r => r.Key == "2026-06").Metrics.DeflectionRate);
        var july = months.Single(r => r.Key == "2026-07");
        Assert.Equal(0, july.Tickets);
        AssertRate(1, 1, july.Metrics.DeflectionRate);
        Assert.Null(result.Segments[SegmentDimension.Category][0].Metrics.DeflectionRate);
    }

    [Fact]
    public void Segments_Default_AllEightDimensionsWithAttributes()
    {
        var ticket = Ticket("a", "c1", 0, 1) with { Product = "app", Channel = "email", Priority = "high", Group = "tier1", Agent = "ann" };

        var result = MetricsEngine.Compute([ticket], [], new MetricsOptions { AsOf = Day(60) });

        Assert.Equal(Enum.GetValues<SegmentDimension>(), result.Segments.Keys.Order());
        Assert.Equal("app", result.Segments[SegmentDimension.Product].Single().Key);
        Assert.Equal("email", result.Segments[SegmentDimension.Channel].Single().Key);
        Assert.Equal("high", result.Segments[SegmentDimension.Priority].Single().Key);
        Assert.Equal("tier1", result.Segments[SegmentDimension.Group].Single().Key);
        Assert.Equal("ann", result.Segments[SegmentDimension.Agent].Single().Key);
    }

    [Fact]
    public void Segments_DuplicateDimensions_ComputedOnce()
    {
        var result = Compute(Options(60, o => o.Segments = [SegmentDimension.Agent, SegmentDimension.Agent]), Ticket("a", "c1", 0, 1));

        Assert.Single(result.Segments);
    }

    [Fact]
    public void Segments_MedianTimeToResolution_PerSegment()
    {
        var result = Compute(
            Options(60, o => o.Segments = [SegmentDimension.Category]),
            Ticket("a", "c1", 0, 1, category: "x"),
            Ticket("b", "c2", 0, 3, category: "x"),
            Ticket("c", "c3", 0, 10, category: "y"),
            Ticket("d", "c4", 0, category: "y"));

        var rows = result.Segments[SegmentDimension.Category].ToDictionary(r => r.Key);
        Assert.Equal(TimeSpan.FromDays(2), rows["x"].Metrics.MedianTimeToResolution);
        Assert.Equal(TimeSpan.FromDays(10), rows["y"].Metrics.MedianTimeToResolution);
    }

}
