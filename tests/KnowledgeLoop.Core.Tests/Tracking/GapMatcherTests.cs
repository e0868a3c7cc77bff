using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Core.Tests.Tracking;

public sealed class GapMatcherTests
{
    private const double Tolerance = 1e-4;
    private static readonly DateTimeOffset Before = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private static GapSnapshot Gap(string id, float[] centroid, IEnumerable<string> members, int runs = 1) => new()
    {
        Id = id,
        Centroid = Unit(centroid),
        MemberTicketIds = members.Order(StringComparer.Ordinal).ToList(),
        FailureTicketIds = [],
        Lineage = new GapLineage { Status = GapLineageStatus.New, FirstSeen = Before, Runs = runs },
    };

    private static IEnumerable<string> Ids(string prefix, int from, int to) => Enumerable.Range(from, to - from + 1).Select(i => $"{prefix}{i}");

    private static float[] Unit(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static IReadOnlyList<GapMatch> Match(IReadOnlyList<GapSnapshot> previous, IReadOnlyList<GapSnapshot> current, GapMatchingOptions? options = null, IReadOnlySet<string>? known = null) =>
        GapMatcher.Match(previous, current, options ?? new GapMatchingOptions(), Now, known);

    [Fact]
    public void Match_SameTopicsReordered_ContinueWithTheirPreviousIds()
    {
        GapSnapshot[] previous = [Gap("gap-a", [1, 0, 0], Ids("a", 1, 10), runs: 2), Gap("gap-b", [0, 1, 0], Ids("b", 1, 10))];
        GapSnapshot[] current = [Gap("tmp-1", [0, 1, 0.1f], Ids("b", 1, 10)), Gap("tmp-2", [1, 0.1f, 0], Ids("a", 1, 9).Append("x1"))];

        var matches = Match(previous, current);

        Assert.Equal(["gap-b", "gap-a"], matches.Select(m => m.Id));
        var a = matches[1].Lineage;
        Assert.Equal(GapLineageStatus.Continued, a.Status);
        Assert.Equal("gap-a", a.PreviousId);
        Assert.Equal(9 / 10.0, a.MemberOverlap!.Value, Tolerance); // x1 was in no previous gap, so it does not dilute
        Assert.Equal(0.995, a.CentroidSimilarity!.Value, 3);
        Assert.Equal(Before, a.FirstSeen);
        Assert.Equal(3, a.Runs);
        Assert.Equal(1.0, matches[0].Lineage.MemberOverlap!.Value, Tolerance);
    }

    [Fact]
    public void Match_APreviousGapBrokenInTwo_TheLargerContinuesAndTheOtherIsASplitWithItAsParent()
    {
        GapSnapshot[] previous = [Gap("gap-a", [1, 0, 0], Ids("a", 1, 20))];
        GapSnapshot[] current = [Gap("tmp-1", [1, 0.2f, 0], Ids("a", 1, 14)), Gap("tmp-2", [1, -0.3f, 0], Ids("a", 15, 20))];

        var matches = Match(previous, current);

        Assert.Equal("gap-a", matches[0].Id);
        Assert.Equal(GapLineageStatus.Continued, matches[0].Lineage.Status);
        var split = matches[1];
        Assert.Equal(GapLineageStatus.Split, split.Lineage.Status);
        Assert.Equal("gap-a", split.Lineage.ParentId);
        Assert.Equal("tmp-2", split.Id);
        Assert.Equal(Now, split.Lineage.FirstSeen);
        Assert.Equal(1, split.Lineage.Runs);
    }

    [Fact]
    public void Match_TwoPreviousGapsInOne_KeepsTheBestMatchAndListsTheOtherAsMergedFrom()
    {
        GapSnapshot[] previous = [Gap("gap-a", [1, 0, 0], Ids("a", 1, 12)), Gap("gap-b", [0.8f, 0.6f, 0], Ids("b", 1, 8))];
        GapSnapshot[] current = [Gap("tmp-1", [0.95f, 0.3f, 0], Ids("a", 1, 12).Concat(Ids("b", 1, 8)))];

        var match = Assert.Single(Match(previous, current));

        Assert.Equal("gap-a", match.Id);
        Assert.Equal(GapLineageStatus.Merged, match.Lineage.Status);
        Assert.Equal("gap-a", match.Lineage.PreviousId);
        Assert.Equal(["gap-b"], match.Lineage.MergedFrom);
        Assert.Equal(12 / 20.0, match.Lineage.MemberOverlap!.Value, Tolerance);
    }

    [Fact]
    public void Match_AnUnmatchedGapAbsorbingTwo_IsMergedUnderTheOneItSharesMostWith()
    {
        // Neither a nor b reaches the overlap threshold with tmp-1 (0.3; its 20 tickets of c dilute it), but tmp-1
        // holds all of both; c continues as tmp-2 (overlap 10/30, same direction).
        GapSnapshot[] previous = [Gap("gap-a", [1, 0, 0], Ids("a", 1, 5)), Gap("gap-b", [0.9f, 0.4f, 0], Ids("b", 1, 8)), Gap("gap-c", [0, 0, 1], Ids("c", 1, 30))];
        GapSnapshot[] current = [Gap("tmp-1", [1, 0.2f, 0.1f], Ids("a", 1, 5).Concat(Ids("b", 1, 8)).Concat(Ids("c", 1, 20))), Gap("tmp-2", [0, 0, 1], Ids("c", 21, 30))];

        var matches = Match(previous, current);

        Assert.Equal("gap-b", matches[0].Id);
        Assert.Equal(GapLineageStatus.Merged, matches[0].Lineage.Status);
        Assert.Equal(["gap-a"], matches[0].Lineage.MergedFrom);
        Assert.Equal("gap-c", matches[1].Id);
        Assert.Equal(GapLineageStatus.Continued, matches[1].Lineage.Status);
    }

    [Fact]
    public void Match_NoSharedTickets_IsNewWithItsProvisionalId()
    {
        GapSnapshot[] previous = [Gap("gap-a", [1, 0, 0], Ids("a", 1, 10))];
        GapSnapshot[] current = [Gap("tmp-1", [1, 0, 0], Ids("z", 1, 10))];

        var match = Assert.Single(Match(previous, current));

        Assert.Equal("tmp-1", match.Id);
        Assert.Equal(GapLineageStatus.New, match.Lineage.Status);
        Assert.Null(match.Lineage.CentroidSimilarity);
        Assert.Equal(Now, match.Lineage.FirstSeen);
    }

    [Fact]
    public void Match_OverlapBelowTheThreshold_IsNoContinuationUntilTheThresholdIsLowered()
    {
        // |A ∩ N| = 5, |A ∪ N| = 20: overlap 0.25.
        GapSnapshot[] previous = [Gap("gap-a", [1, 0, 0], Ids("a", 1, 15)), Gap("gap-b", [0, 1, 0], Ids("b", 1, 10))];
        GapSnapshot[] current = [Gap("tmp-1", [1, 0, 0], Ids("a", 1, 5).Concat(Ids("b", 1, 5)))];

        Assert.Equal("tmp-1", Assert.Single(Match(previous, current)).Id);
        var lowered = Assert.Single(Match(previous, current, new GapMatchingOptions { MinimumMemberOverlap = 0.2 }));
        Assert.Equal("gap-a", lowered.Id);
        Assert.Equal(0.25, lowered.Lineage.MemberOverlap!.Value, Tolerance);
    }

    [Fact]
    public void Match_CentroidsBelowTheThreshold_IsNoContinuationEvenWithTheSameTickets()
    {
        GapSnapshot[] previous = [Gap("gap-a", [1, 0, 0], Ids("a", 1, 10))];
        GapSnapshot[] current = [Gap("tmp-1", [1, 1.5f, 0], Ids("a", 1, 10))]; // cosine 0.55

        Assert.Equal(GapLineageStatus.New, Assert.Single(Match(previous, current)).Lineage.Status);
        Assert.Equal("gap-a", Assert.Single(Match(previous, current, new GapMatchingOptions { MinimumCentroidSimilarity = 0.5 })).Id);
    }

    [Fact]
    public void Match_ProvisionalIdUsedBefore_GetsAnotherDeterministicId()
    {
        GapSnapshot[] previous = [Gap("gap-a", [1, 0, 0], Ids("a", 1, 10))];
        GapSnapshot[] current = [Gap("gap-old", [0, 1, 0], Ids("z", 1, 10)), Gap("gap-a", [0, 0, 1], Ids("y", 1, 10))];
        var known = new HashSet<string>(StringComparer.Ordinal) { "gap-a", "gap-old" };

        var first = Match(previous, current, known: known);
        var second = Match(previous, current, known: known);

        Assert.Equal(first.Select(m => m.Id), second.Select(m => m.Id));
        Assert.DoesNotContain(first, m => known.Contains(m.Id));
        Assert.Equal(2, first.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(first, m => Assert.StartsWith("gap-", m.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Match_SameInputTwice_GivesTheSameIdsAndLineages()
    {
        GapSnapshot[] previous = [Gap("gap-a", [1, 0, 0], Ids("a", 1, 20)), Gap("gap-b", [0, 1, 0], Ids("b", 1, 10))];
        GapSnapshot[] current = [Gap("tmp-1", [1, 0.2f, 0], Ids("a", 1, 14)), Gap("tmp-2", [1, -0.3f, 0], Ids("a", 15, 20)), Gap("tmp-3", [0, 1, 0], Ids("b", 1, 10))];

        var first = Match(previous, current);
        var second = Match(previous, current);

        Assert.Equal(first.Select(m => (m.Id, m.Lineage.Status, m.Lineage.ParentId, m.Lineage.CentroidSimilarity)), second.Select(m => (m.Id, m.Lineage.Status, m.Lineage.ParentId, m.Lineage.CentroidSimilarity)));
    }

    [Fact]
    public void Options_OutOfRange_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new GapMatchingOptions { MinimumMemberOverlap = 1.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new GapMatchingOptions { MinimumCentroidSimilarity = double.NaN }.Validate());
    }
}
