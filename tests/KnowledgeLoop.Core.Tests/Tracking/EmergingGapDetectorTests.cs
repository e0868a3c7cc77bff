using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Core.Tests.Tracking;

public sealed class EmergingGapDetectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly EmergingCandidate[] Scattered =
    [
        new("ODD-0", "Which parrot costume do you ship for mascots?", Now),
        new("ODD-1", "The volcano tour was cancelled by lava, refund please.", Now),
        new("ODD-2", "My saxophone tuner shows wrong cents.", Now),
        new("ODD-3", "Submitting glacier photographs to the contest fails.", Now),
        new("ODD-4", "Honey harvest reminders vanish from the beekeeping calendar.", Now),
        new("ODD-5", "The origami crane fold diagram is mirrored.", Now),
    ];

    private static IEnumerable<EmergingCandidate> Burst(int count, string prefix = "BURST") => Enumerable.Range(0, count).Select(i => new EmergingCandidate(
        $"{prefix}-{i}", $"Passkey enrolment loops on my yubikey: the webauthn prompt aborts every time (try {i}).", Now.AddHours(-i)));

    [Fact]
    public void Detect_BurstAmongScatteredFailures_RaisesOneGapWithExactlyTheBurst()
    {
        var gaps = EmergingGapDetector.Detect([.. Burst(6), .. Scattered], new IncrementalOptions(), Now);

        var gap = Assert.Single(gaps);
        Assert.Equal(Burst(6).Select(c => c.TicketId).Order(StringComparer.Ordinal), gap.TicketIds);
        Assert.StartsWith(EmergingGapDetector.IdPrefix, gap.Id, StringComparison.Ordinal);
        Assert.Contains(gap.Keywords, k => k.Contains("passkey", StringComparison.Ordinal));
        Assert.Equal(Now, gap.CreatedAt);
    }

    [Fact]
    public void Detect_ScatteredUnrelatedFailures_RaisesNothing()
    {
        Assert.Empty(EmergingGapDetector.Detect(Scattered, new IncrementalOptions(), Now));
    }

    [Fact]
    public void Detect_GroupSmallerThanTheMinimumClusterSize_RaisesNothing()
    {
        Assert.Empty(EmergingGapDetector.Detect([.. Burst(4), .. Scattered], new IncrementalOptions { MinimumClusterSize = 5 }, Now));
        Assert.Single(EmergingGapDetector.Detect([.. Burst(4), .. Scattered], new IncrementalOptions { MinimumClusterSize = 4 }, Now));
    }

    [Fact]
    public void Detect_SameCandidatesInAnotherOrder_GivesTheSameGapAndId()
    {
        var candidates = Burst(6).Concat(Scattered).ToList();

        var forward = Assert.Single(EmergingGapDetector.Detect(candidates, new IncrementalOptions(), Now));
        var backward = Assert.Single(EmergingGapDetector.Detect(candidates.AsEnumerable().Reverse().ToList(), new IncrementalOptions(), Now));

        Assert.Equal(forward.Id, backward.Id);
        Assert.Equal(forward.TicketIds, backward.TicketIds);
        Assert.Equal(forward.Keywords, backward.Keywords);
        Assert.Equal(forward.Id, EmergingGapDetector.IdOf(forward.TicketIds.Reverse()));
    }

    [Fact]
    public void Detect_GroupGrows_GetsANewId()
    {
        var six = Assert.Single(EmergingGapDetector.Detect([.. Burst(6), .. Scattered], new IncrementalOptions(), Now));
        var seven = Assert.Single(EmergingGapDetector.Detect([.. Burst(7), .. Scattered], new IncrementalOptions(), Now));

        Assert.NotEqual(six.Id, seven.Id);
        Assert.Equal(7, seven.TicketIds.Count);
    }

    [Fact]
    public void Detect_TwoBurstsOnDifferentTopics_RaisesTwoGaps()
    {
        var invoices = Enumerable.Range(0, 5).Select(i => new EmergingCandidate(
            $"INV-{i}", $"Exported invoices PDF shows the wrong VAT number in the footer (case {i}).", Now));

        var gaps = EmergingGapDetector.Detect([.. Burst(6), .. invoices, .. Scattered], new IncrementalOptions(), Now);

        Assert.Equal(2, gaps.Count);
        Assert.Equal(6, gaps[0].TicketIds.Count);
        Assert.All(gaps[1].TicketIds, id => Assert.StartsWith("INV-", id, StringComparison.Ordinal));
    }
}
