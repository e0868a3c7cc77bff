using System.Globalization;
using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>
/// Systemic or skill-based (DESIGN §4.7): a chi-square goodness-of-fit test of the gap's failures across agents, and
/// separately across groups, against each one's share of the gap's mature first contacts (expected = tickets × the gap's
/// failure rate). Categories expecting fewer than <see cref="FailurePatternOptions.MinimumExpected"/> failures are merged
/// into "other" (and, while "other" itself falls short, the next smallest joins it); tickets without an agent (group) are
/// left out of that test. Skill-based when a test's p-value is below <see cref="FailurePatternOptions.SignificanceLevel"/>
/// and at least one named agent or group exceeds expectation with a Pearson residual ≥
/// <see cref="FailurePatternOptions.MinimumResidual"/>; otherwise systemic. Conditional on the total failures the counts
/// are hypergeometric, slightly less variable than the multinomial the test assumes, so the p-value errs high
/// (towards "systemic").
/// </summary>
public static class FailurePatternAnalyzer
{
    /// <summary>The name of the merged small categories.</summary>
    public const string Other = "other";

    /// <summary>Analyzes the pattern with the default <see cref="FailurePatternOptions"/>.</summary>
    public static FailurePattern Analyze(IReadOnlyList<ClusterMember> members) => Analyze(members, new FailurePatternOptions());

    /// <summary>Analyzes the pattern of the members' mature first contacts.</summary>
    public static FailurePattern Analyze(IReadOnlyList<ClusterMember> members, FailurePatternOptions options)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var mature = members.Where(m => m.Outcome.Fcr is FcrOutcome.Success or FcrOutcome.Failure).ToList();
        var agentTest = Test(mature, m => m.Ticket.Agent, "agent", options);
        var groupTest = Test(mature, m => m.Ticket.Group, "group", options);
        var concentrated = new List<FailureConcentration>();
        var significant = new List<ChiSquareTest>();
        foreach (var test in new[] { agentTest, groupTest })
        {
            if (test is null || test.PValue >= options.SignificanceLevel)
            {
                continue;
            }

            var named = test.Categories
                .Where(c => c.Name != Other && c.Failures > c.ExpectedFailures && c.Residual >= options.MinimumResidual)
                .ToList();
            if (named.Count > 0)
            {
                significant.Add(test);
                concentrated.AddRange(named);
            }
        }

        if (concentrated.Count > 0)
        {
            var tests = string.Join("; ", significant.Select(Describe));
            var names = string.Join(", ", concentrated.Select(c => string.Create(
                CultureInfo.InvariantCulture,
                $"{c.Kind} {c.Name}: {c.Failures} failures of {c.Tickets} tickets vs {c.ExpectedFailures:0.0} expected")));
            return new FailurePattern
            {
                Kind = FailurePatternKind.SkillBased,
                Reason = $"failures concentrate beyond volume ({tests} < {GapMath.Number(options.SignificanceLevel)}): {names}",
                AgentTest = agentTest,
                GroupTest = groupTest,
                Concentrated = concentrated,
            };
        }

        var tested = new[] { agentTest, groupTest }.Where(t => t is not null).Select(t => Describe(t!)).ToList();
        var reason = tested.Count == 0
            ? "too few failures per agent or group to test; assumed spread with volume"
            : $"failures spread in proportion to volume ({string.Join("; ", tested)}; no agent or group significantly above expectation at {GapMath.Number(options.SignificanceLevel)})";
        return new FailurePattern
        {
            Kind = FailurePatternKind.Systemic,
            Reason = reason,
            AgentTest = agentTest,
            GroupTest = groupTest,
            Concentrated = [],
        };
    }

    private static string Describe(ChiSquareTest test) => string.Create(
        CultureInfo.InvariantCulture,
        $"{test.Kind}s χ²={test.Statistic:0.00}, df={test.DegreesOfFreedom}, p={FormatP(test.PValue)}");

    private static string FormatP(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static ChiSquareTest? Test(List<ClusterMember> mature, Func<ClusterMember, string?> keyOf, string kind, FailurePatternOptions options)
    {
        var byKey = new Dictionary<string, (long Tickets, long Failures)>(StringComparer.Ordinal);
        foreach (var member in mature)
        {
            var key = keyOf(member);
            if (string.IsNullOrWhiteSpace(key))
            {
                continue;
            }

            var (tickets, failures) = byKey.GetValueOrDefault(key);
            byKey[key] = (tickets + 1, failures + (member.Outcome.IsFailure ? 1 : 0));
        }

        var totalTickets = byKey.Values.Sum(v => v.Tickets);
        var totalFailures = byKey.Values.Sum(v => v.Failures);
        if (totalTickets == 0 || totalFailures == 0)
        {
            return null;
        }

        var rate = (double)totalFailures / totalTickets;
        var categories = byKey
            .Select(p => new FailureConcentration(p.Key, kind, p.Value.Tickets, p.Value.Failures, p.Value.Tickets * rate))
            .OrderBy(c => c.ExpectedFailures)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        // Merge the small ones into "other"; if "other" is still too small, the next smallest joins it.
        long otherTickets = 0, otherFailures = 0;
        var index = 0;
        while (index < categories.Count
            && (categories[index].ExpectedFailures < options.MinimumExpected
                || (otherTickets > 0 && otherTickets * rate < options.MinimumExpected)))
        {
            otherTickets += categories[index].Tickets;
            otherFailures += categories[index].Failures;
            index++;
        }

        var tested = categories.Skip(index).ToList();
        if (otherTickets > 0)
        {
            tested.Add(new FailureConcentration(Other, kind, otherTickets, otherFailures, otherTickets * rate));
        }

        if (tested.Count < 2)
        {
            return null;
        }

        var statistic = tested.Sum(c => (c.Failures - c.ExpectedFailures) * (c.Failures - c.ExpectedFailures) / c.ExpectedFailures);
        var df = tested.Count - 1;
        var ordered = tested.OrderByDescending(c => c.Residual).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        return new ChiSquareTest(kind, statistic, df, ChiSquareDistribution.SurvivalFunction(statistic, df), ordered);
    }
}
