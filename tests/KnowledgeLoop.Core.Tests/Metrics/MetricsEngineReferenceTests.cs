using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Sessions;
using KnowledgeLoop.Core.Tickets;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Metrics;

/// <summary>The engine's binary searches against a brute-force reading of DESIGN §3 on random data with many ties.</summary>
public class MetricsEngineReferenceTests
{
    [Theory]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(3, 1)]
    [InlineData(4, 3)]
    public void Compute_RandomData_MatchesBruteForce(int seed, int? businessDays)
    {
        var random = new Random(seed);
        var categories = new[] { "a", "b", null };
        var tickets = Enumerable.Range(0, 300).Select(i =>
        {
            // Whole hours on a 40-day grid make exact window boundaries common.
            var created = random.Next(0, 40 * 24) / 24.0;
            double? resolved = random.Next(5) == 0 ? null : created + (random.Next(0, 72) / 24.0);
            return Ticket($"t{i}", $"c{random.Next(40)}", created, resolved, categories[random.Next(3)], reopens: random.Next(8) == 0 ? 1 : 0, escalated: random.Next(8) == 0);
        }).ToArray();
        var sessions = Enumerable.Range(0, 100).Select(i => Session($"s{i}", $"c{random.Next(30)}", random.Next(0, 40 * 24) / 24.0)).ToArray();
        var options = Options(45, o =>
        {
            o.FcrWindow = TimeSpan.FromDays(3);
            o.FcrBusinessDays = businessDays;
            o.NiaWindow = TimeSpan.FromDays(2);
        });

        var result = MetricsEngine.Compute(tickets, sessions, options);

        var asOf = Day(45);
        DateTimeOffset End(DateTimeOffset start) => businessDays is { } days ? AddBusinessDays(start, days) : start.AddDays(3);
        long successes = 0, mature = 0, niaAvoided = 0, niaMature = 0;
        for (var i = 0; i < tickets.Length; i++)
        {
            var t = tickets[i];
            var others = tickets.Where(o => o.Id != t.Id && o.CustomerId == t.CustomerId).ToArray();
            var sameThread = others.Where(o => o.Category == t.Category).ToArray();
            var isFollowUp = sameThread.Any(a => a.ResolvedAt is { } r && r < t.CreatedAt && t.CreatedAt <= End(r));
            var followedUp = t.ResolvedAt is { } resolved && sameThread.Any(b => b.CreatedAt > resolved && b.CreatedAt <= End(resolved));
            var isMature = End(t.ResolvedAt ?? t.CreatedAt) <= asOf;
            var failed = t.ResolvedAt is null || t.ReopenCount > 0 || t.Escalated || followedUp;
            var expected = isFollowUp ? FcrOutcome.NotFirstContact : !isMature ? FcrOutcome.Immature : failed ? FcrOutcome.Failure : FcrOutcome.Success;

            var outcome = result.Outcomes[i];
            Assert.Equal((t.Id, isFollowUp, isMature, expected), (outcome.TicketId, outcome.IsFollowUp, outcome.Mature, outcome.Fcr));
            Assert.Equal(followedUp, (outcome.FailureReasons & FcrFailureReasons.FollowedUp) != 0);
            successes += expected == FcrOutcome.Success ? 1 : 0;
            mature += expected is FcrOutcome.Success or FcrOutcome.Failure ? 1 : 0;

            if (t.ResolvedAt is { } r2 && r2.AddDays(2) <= asOf)
            {
                niaMature++;
                var avoided = !others.Any(o => o.CreatedAt > r2 && o.CreatedAt <= r2.AddDays(2));
                niaAvoided += avoided ? 1 : 0;
                Assert.Equal(avoided, outcome.NextIssueAvoided);
            }
            else
            {
                Assert.Null(outcome.NextIssueAvoided);
            }
        }

        AssertRate(successes, mature, result.Overall.Fcr);
        AssertRate(niaAvoided, niaMature, result.Overall.NiaRate);
        var matureSessions = sessions.Where(s => s.StartedAt.AddHours(72) <= asOf).ToArray();
        var deflected = matureSessions.Count(s => !tickets.Any(t => t.CustomerId == s.CustomerId && t.CreatedAt >= s.StartedAt && t.CreatedAt <= s.StartedAt.AddHours(72)));
        AssertRate(deflected, matureSessions.Length, result.Overall.DeflectionRate);
        Assert.True(mature > 100 && niaMature > 100 && deflected > 10, "the fixture should exercise every path");
    }

    // One day at a time, the slow way; a weekend start counts from the next Monday 00:00.
    private static DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        var time = start;
        while (time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            time = new DateTimeOffset(time.Date.AddDays(1), TimeSpan.Zero);
        }

        while (days > 0)
        {
            time = time.AddDays(1);
            if (time.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return time;
    }
}
