using KnowledgeLoop.Core.Gaps;
using static KnowledgeLoop.Core.Tests.Gaps.GapFixtures;

namespace KnowledgeLoop.Core.Tests.Gaps;

public class FailurePatternAnalyzerTests
{
    private static IEnumerable<ClusterMember> Agent(string agent, int tickets, int failures, string? group = null) =>
        Enumerable.Range(1, tickets).Select(i => Member($"{agent}-{i}", success: i > failures, agent: agent, group: group));

    [Fact]
    public void Analyze_FailuresInProportionToVolume_IsSystemic()
    {
        var members = Agent("ann", 20, 5).Concat(Agent("bob", 20, 5)).Concat(Agent("cem", 20, 5)).Concat(Agent("dia", 20, 5)).ToList();

        var pattern = FailurePatternAnalyzer.Analyze(members);

        Assert.Equal(FailurePatternKind.Systemic, pattern.Kind);
        Assert.Equal("systemic", pattern.ContractName);
        Assert.Empty(pattern.Concentrated);
        Assert.Equal(0, pattern.AgentTest!.Statistic, 1e-12);
        Assert.Equal(3, pattern.AgentTest.DegreesOfFreedom);
        Assert.Equal(1, pattern.AgentTest.PValue, 1e-12);
        Assert.Contains("agents χ²=0.00, df=3, p=1.0000", pattern.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OneAgentFailingFarBeyondVolume_IsSkillBasedAndNamesThem()
    {
        var members = Agent("ann", 20, 16).Concat(Agent("bob", 20, 3)).Concat(Agent("cem", 20, 3)).Concat(Agent("dia", 20, 3)).ToList();

        var pattern = FailurePatternAnalyzer.Analyze(members);

        // Rate 25/80; expected 6.25 each; χ² = 9.75²/6.25 + 3 × 3.25²/6.25 = 15.21 + 5.07.
        Assert.Equal(FailurePatternKind.SkillBased, pattern.Kind);
        Assert.Equal(20.28, pattern.AgentTest!.Statistic, 1e-9);
        Assert.True(pattern.AgentTest.PValue < 0.001);
        var named = Assert.Single(pattern.Concentrated);
        Assert.Equal(new FailureConcentration("ann", "agent", 20, 16, 6.25), named);
        Assert.Equal("failures concentrate beyond volume (agents χ²=20.28, df=3, p=0.0001 < 0.01): agent ann: 16 failures of 20 tickets vs 6.3 expected", pattern.Reason);
        Assert.Null(pattern.GroupTest);
    }

    [Fact]
    public void Analyze_ModerateExcessThatIsNotSignificant_IsSystemic()
    {
        // ann 9 of 20 vs 6.25 expected: χ² ≈ 1.61, p ≈ 0.66.
        var members = Agent("ann", 20, 9).Concat(Agent("bob", 20, 6)).Concat(Agent("cem", 20, 5)).Concat(Agent("dia", 20, 5)).ToList();

        var pattern = FailurePatternAnalyzer.Analyze(members);

        Assert.Equal(FailurePatternKind.Systemic, pattern.Kind);
        Assert.True(pattern.AgentTest!.PValue > 0.5);
    }

    [Fact]
    public void Analyze_ConcentratedInOneGroup_IsSkillBasedByGroup()
    {
        var members = Agent("ann", 20, 14, "tier1-emea").Concat(Agent("bob", 20, 14, "tier1-emea"))
            .Concat(Agent("cem", 20, 2, "tier1-amer")).Concat(Agent("dia", 20, 2, "tier1-amer")).Concat(Agent("eve", 20, 2, "tier1-amer"))
            .ToList();

        var pattern = FailurePatternAnalyzer.Analyze(members);

        Assert.Equal(FailurePatternKind.SkillBased, pattern.Kind);
        Assert.Contains(pattern.Concentrated, c => c is { Kind: "group", Name: "tier1-emea" });
        Assert.Equal(1, pattern.GroupTest!.DegreesOfFreedom);
    }

    [Fact]
    public void Analyze_SmallAgents_AreMergedIntoOther()
    {
        // Rate 0.25: the four 4-ticket agents expect 1 each and merge into "other" (16 tickets, expected 4 < 5,
        // so the next smallest, bob, joins too).
        var members = Agent("ann", 40, 10).Concat(Agent("bob", 24, 6)).Concat(Agent("cem", 40, 10))
            .Concat(Agent("s1", 4, 1)).Concat(Agent("s2", 4, 1)).Concat(Agent("s3", 4, 1)).Concat(Agent("s4", 4, 1))
            .ToList();

        var test = FailurePatternAnalyzer.Analyze(members).AgentTest!;

        Assert.Equal(["ann", "cem", FailurePatternAnalyzer.Other], test.Categories.Select(c => c.Name).Order(StringComparer.Ordinal));
        var other = test.Categories.Single(c => c.Name == FailurePatternAnalyzer.Other);
        Assert.Equal(40, other.Tickets);
        Assert.Equal(10, other.Failures);
        Assert.Equal(2, test.DegreesOfFreedom);
    }

    [Fact]
    public void Analyze_TooFewToTest_IsSystemicAndSaysSo()
    {
        var members = Agent("ann", 3, 2).Concat(Agent("bob", 3, 1)).ToList();

        var pattern = FailurePatternAnalyzer.Analyze(members);

        Assert.Equal(FailurePatternKind.Systemic, pattern.Kind);
        Assert.Null(pattern.AgentTest);
        Assert.Contains("too few failures", pattern.Reason, StringComparison.Ordinal);
    }
}
