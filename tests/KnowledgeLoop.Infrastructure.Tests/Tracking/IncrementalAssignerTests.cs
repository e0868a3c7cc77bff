using System.Globalization;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Infrastructure.Tests.Qdrant;
using KnowledgeLoop.Infrastructure.Tests.Storage;
using KnowledgeLoop.Infrastructure.Tracking;

namespace KnowledgeLoop.Infrastructure.Tests.Tracking;

/// <summary>Tickets imported after a run are assigned to its gaps at import, as the run would; new failures raise emerging gaps.</summary>
public sealed class IncrementalAssignerTests : IDisposable
{
    private const int RunTickets = 1500;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Assign_ReimportedRunTickets_GivesTheGapsTheRunGave()
    {
        var (store, result, tickets) = await AnalysedStoreAsync();
        using (store)
        {
            Import(store, tickets);

            var assignment = Assigner(store).Assign();

            Assert.Equal(IncrementalStatus.Assigned, assignment.Status);
            Assert.Equal(tickets.Count, assignment.Tickets);
            var rows = new IncrementalRepository(store).Rows(assignment.RunId!).ToDictionary(r => r.TicketId, StringComparer.Ordinal);
            Assert.All(rows.Values, r => Assert.True(r.InRun));
            var gapOf = result.Geometry.Gaps.SelectMany(g => g.MemberTicketIds.Select(id => (id, g.Id))).ToDictionary(x => x.id, x => x.Id, StringComparer.Ordinal);
            var failures = result.Geometry.Gaps.SelectMany(g => g.FailureTicketIds).ToHashSet(StringComparer.Ordinal);
            int same = 0, compared = 0, failuresSame = 0, failuresCompared = 0;
            for (var i = 0; i < tickets.Count; i++)
            {
                var id = tickets[i].Id;
                var expected = gapOf.GetValueOrDefault(id);
                var isFailure = result.Outcomes[i].Fcr == FcrOutcome.Failure || failures.Contains(id) || result.Outcomes[i].FailureReasons != FcrFailureReasons.None;
                if (isFailure)
                {
                    failuresCompared++;
                    failuresSame += expected == rows[id].GapId ? 1 : 0; // failures keep the clustering's own verdict in the run
                }
                else if (System.Numerics.Tensors.TensorPrimitives.Norm(result.TicketVectors.Row(i)) > 0)
                {
                    compared++;
                    Assert.True(expected == rows[id].GapId, $"{id}: the run gave {expected ?? "no gap"}, the import {rows[id].GapId ?? "no gap"}");
                    same++;
                }
            }

            Assert.True(compared > 1000, compared.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(compared, same);
            Assert.True(failuresSame >= 0.9 * failuresCompared, $"{failuresSame} of {failuresCompared} failures agree");
        }
    }

    [Fact]
    public async Task Assign_TicketNearAGapAndOneFarFromAll_GetsThatGapAndNone()
    {
        var (store, result, tickets) = await AnalysedStoreAsync();
        using (store)
        {
            var gap = result.Geometry.Gaps[0];
            var member = tickets.First(t => t.Id == gap.FailureTicketIds[0]);
            var near = member with { Id = "NEW-near", CustomerId = "CUS-new-1" };
            var far = member with { Id = "NEW-far", CustomerId = "CUS-new-2", Subject = "zqxv wplk", Description = "brtzk qwmmp ytrr" };
            Import(store, [near, far]);

            var assignment = Assigner(store).Assign();

            Assert.Equal(2, assignment.Tickets);
            Assert.Equal(1, assignment.Assigned);
            var rows = new IncrementalRepository(store).Rows(assignment.RunId!).ToDictionary(r => r.TicketId, StringComparer.Ordinal);
            Assert.Equal(gap.Id, rows["NEW-near"].GapId);
            Assert.False(rows["NEW-near"].InRun);
            Assert.True(rows["NEW-near"].Similarity > 0.3f);
            Assert.Null(rows["NEW-far"].GapId);

            // Nothing new: the next assignment has nothing to do and keeps the rows.
            var again = Assigner(store).Assign();
            Assert.Equal(0, again.Tickets);
            Assert.Equal(2, new IncrementalRepository(store).Rows(assignment.RunId!).Count);
        }
    }

    [Fact]
    public async Task Assign_PlantedBurstOfNewFailures_RaisesOneEmergingGapWithItsMembers()
    {
        var (store, _, tickets) = await AnalysedStoreAsync();
        using (store)
        {
            var start = tickets.Max(t => t.CreatedAt).AddDays(-20);
            var burst = Enumerable.Range(0, 6).Select(i => Failure($"BURST-{i}", start.AddHours(i * 7),
                "Passkey enrolment loop on yubikey",
                $"The passkey prompt loops forever when enrolling a yubikey, webauthn ceremony aborted (attempt {i}).")).ToList();
            var scattered = new[]
            {
                Failure("ODD-0", start, "Parrot mascot costume", "Which parrot costume do you ship for mascots?"),
                Failure("ODD-1", start, "Volcano tour refund", "The volcano tour was cancelled by lava."),
                Failure("ODD-2", start, "Saxophone tuning app", "My saxophone tuner shows wrong cents."),
                Failure("ODD-3", start, "Glacier photo contest", "Submitting glacier photographs fails."),
                Failure("ODD-4", start, "Beekeeping calendar", "Honey harvest reminders vanish weekly."),
            };
            Import(store, [.. burst, .. scattered]);

            var assignment = Assigner(store).Assign();

            var emerging = Assert.Single(assignment.Emerging);
            Assert.Equal(burst.Select(t => t.Id), emerging.TicketIds);
            Assert.Equal(EmergingGapDetector.IdOf(burst.Select(t => t.Id)), emerging.Id);
            Assert.Contains(emerging.Keywords, k => k.Contains("passkey", StringComparison.Ordinal) || k.Contains("yubikey", StringComparison.Ordinal));
            Assert.Contains("emerging gap:", assignment.Describe(), StringComparison.Ordinal);
            Assert.Equal(emerging.Id, Assert.Single(new IncrementalRepository(store).Emerging(assignment.RunId!)).Id);

            // A later import with nothing to add keeps the group, its id and its creation time.
            Import(store, [tickets[0]]);
            var later = Assigner(store, TimeProvider.System).Assign();
            Assert.Equal(emerging.Id, Assert.Single(later.Emerging).Id);
            Assert.Equal(emerging.CreatedAt, Assert.Single(new IncrementalRepository(store).Emerging(assignment.RunId!)).CreatedAt);
        }
    }

    [Fact]
    public async Task Assign_ScatteredUnrelatedFailures_RaiseNoEmergingGap()
    {
        var (store, _, tickets) = await AnalysedStoreAsync();
        using (store)
        {
            var start = tickets.Max(t => t.CreatedAt).AddDays(-20);
            var scattered = new[]
            {
                Failure("ODD-0", start, "Parrot mascot costume", "Which parrot costume do you ship for mascots?"),
                Failure("ODD-1", start, "Volcano tour refund", "The volcano tour was cancelled by lava."),
                Failure("ODD-2", start, "Saxophone tuning app", "My saxophone tuner shows wrong cents."),
                Failure("ODD-3", start, "Glacier photo contest", "Submitting glacier photographs fails."),
                Failure("ODD-4", start, "Beekeeping calendar", "Honey harvest reminders vanish weekly."),
                Failure("ODD-5", start, "Origami instructions", "The crane fold diagram is mirrored."),
            };
            Import(store, scattered);

            var assignment = Assigner(store).Assign();

            Assert.Equal(IncrementalStatus.Assigned, assignment.Status);
            Assert.Empty(assignment.Emerging);
        }
    }

    [Fact]
    public async Task SinceRun_CountsAssignedTicketsAndTheirFailures_AndAddsNewOnesToTheFcr()
    {
        var (store, result, tickets) = await AnalysedStoreAsync();
        using (store)
        {
            var gap = result.Geometry.Gaps[0];
            var member = tickets.First(t => t.Id == gap.FailureTicketIds[0]);
            var asOf = tickets.Max(t => t.CreatedAt);
            var failed = member with { Id = "NEW-1", CustomerId = "CUS-new-1", CreatedAt = asOf.AddDays(-20), ResolvedAt = asOf.AddDays(-19), ReopenCount = 1, Escalated = false };
            var fine = member with { Id = "NEW-2", CustomerId = "CUS-new-2", CreatedAt = asOf.AddDays(-20), ResolvedAt = asOf.AddDays(-19), ReopenCount = 0, Escalated = false, EscalationLevel = null, GroupTransfers = null };
            Import(store, [failed, fine]);
            Assigner(store).Assign();

            var snapshot = SinceRunReader.Read(store, new MetricsOptions());

            Assert.NotNull(snapshot);
            var figures = snapshot.Gaps[gap.Id];
            Assert.Equal(2, figures.Tickets);
            Assert.Equal(2, figures.NewTickets);
            Assert.Equal(1, figures.Failures);
            Assert.Equal(1, figures.Reopened);
            Assert.Equal(2, figures.MatureFirstContacts);
            Assert.Equal(1, figures.ResolvedFirstTime);
            Assert.Equal(gap.FcrDenominator + 2, figures.Fcr!.Denominator);
            Assert.Equal(gap.FcrNumerator + 1, figures.Fcr.Numerator);
            Assert.All(snapshot.Gaps.Where(g => g.Key != gap.Id), g => Assert.Equal(0, g.Value.Tickets));
        }
    }

    [Fact]
    public async Task Assign_AfterAnImportWhoseAssignmentNeverRan_CatchesUpWithBoth()
    {
        var (store, _, tickets) = await AnalysedStoreAsync();
        using (store)
        {
            Import(store, [tickets[0] with { Id = "NEW-1" }]); // committed, then the process died before assigning
            Import(store, [tickets[1] with { Id = "NEW-2" }]);

            var assignment = Assigner(store).Assign();

            Assert.Equal(2, assignment.Tickets);
            Assert.Equal(["NEW-1", "NEW-2"], new IncrementalRepository(store).Rows(assignment.RunId!).Select(r => r.TicketId));
            Assert.Equal(new IncrementalRepository(store).LatestImportId(), new IncrementalRepository(store).Watermark(assignment.RunId!));
        }
    }

    [Fact]
    public async Task Assign_ModelSavedAfterTheLatestRun_SaysUnavailableUntilTheRunIsStored()
    {
        var (store, result, tickets) = await AnalysedStoreAsync();
        using (store)
        {
            Thread.Sleep(5);
            AnalysisStore.Save(store, result, tickets); // the next analysis has saved its model, not yet its run
            Import(store, [tickets[0] with { Id = "NEW-1" }]);

            var during = Assigner(store).Assign();
            Keep(store, result, tickets);
            var after = Assigner(store).Assign();

            Assert.Equal(IncrementalStatus.Unavailable, during.Status);
            Assert.Contains("newer than the latest run", during.Reason, StringComparison.Ordinal);
            Assert.Equal(IncrementalStatus.Assigned, after.Status);
        }
    }

    [Fact]
    public async Task Assign_WhenTheLastRunEmbeddedRemotely_SaysUnavailableAndWritesNothing()
    {
        var (store, _, tickets) = await AnalysedStoreAsync();
        using (store)
        {
            new VectorRepository(store).SaveModel(AnalysisStore.ModelName, AnalysisStore.RemoteKind + "text-embedding-3-small", []);
            Import(store, [tickets[0] with { Id = "NEW-1" }]);

            var assignment = Assigner(store).Assign();

            Assert.Equal(IncrementalStatus.Unavailable, assignment.Status);
            Assert.Contains("remote embedder", assignment.Reason, StringComparison.Ordinal);
            Assert.Null(new IncrementalRepository(store).Watermark(new IncrementalRepository(store).LatestRunId()!));
        }
    }

    [Fact]
    public async Task Assign_AfterANewFullRun_DropsTheEarlierRunsRows()
    {
        var (store, result, tickets) = await AnalysedStoreAsync();
        using (store)
        {
            Import(store, [tickets[0] with { Id = "NEW-1" }]);
            var first = Assigner(store).Assign();
            var secondRun = Keep(store, result, tickets);

            Import(store, [tickets[1] with { Id = "NEW-2" }]);
            var second = Assigner(store).Assign();

            Assert.Equal(secondRun, second.RunId);
            var repository = new IncrementalRepository(store);
            Assert.Empty(repository.Rows(first.RunId!));
            Assert.Null(repository.Watermark(first.RunId!));
            Assert.Equal(["NEW-2"], repository.Rows(secondRun).Select(r => r.TicketId));
        }
    }

    private static Ticket Failure(string id, DateTimeOffset created, string subject, string description) => new()
    {
        Id = id,
        CreatedAt = created,
        ResolvedAt = created.AddHours(3),
        CustomerId = "CUS-" + id,
        Category = "account",
        Subject = subject,
        Description = description,
        ReopenCount = 1,
    };

    private static IncrementalAssigner Assigner(KnowledgeStore store, TimeProvider? time = null) =>
        new(store, new IncrementalOptions(), new MetricsOptions(), time);

    private async Task<(KnowledgeStore Store, AnalysisResult Result, List<Ticket> Tickets)> AnalysedStoreAsync()
    {
        var demo = await DemoData.LoadInputAsync();
        var tickets = demo.Tickets.Take(RunTickets).ToList();
        var store = KnowledgeStore.Open(_folder.File(Guid.NewGuid().ToString("N") + ".db"));
        Import(store, tickets);
        var result = Analysis(tickets, demo.Articles);
        Keep(store, result, tickets);
        return (store, result, tickets);
    }

    private static readonly Dictionary<string, AnalysisResult> Analyses = new(StringComparer.Ordinal);

    private static AnalysisResult Analysis(List<Ticket> tickets, IReadOnlyList<Core.Articles.Article> articles)
    {
        lock (Analyses)
        {
            if (!Analyses.TryGetValue("demo", out var result))
            {
                result = GapAnalyzer.Analyze(new AnalysisInput(tickets, articles, []), new AnalysisOptions());
                Analyses["demo"] = result;
            }

            return result;
        }
    }

    /// <summary>As <c>analyze --store</c> keeps a run: model and vectors, the analyses row, the gap geometry.</summary>
    private static string Keep(KnowledgeStore store, AnalysisResult result, List<Ticket> tickets)
    {
        var startedAt = DateTimeOffset.UtcNow;
        AnalysisStore.Save(store, result, tickets);
        var runId = new AnalysisRepository(store).RecordFinished(ReportJson.Serialize(result.Report), result.Report.Gaps?.Count ?? 0, startedAt, DateTimeOffset.UtcNow);
        new GapRepository(store).SaveRun(runId, result.Geometry, DateTimeOffset.UtcNow);
        return runId;
    }

    private static void Import(KnowledgeStore store, IEnumerable<Ticket> tickets)
    {
        using var writer = store.BeginWrite("tickets", "test.csv", "generic");
        foreach (var ticket in tickets)
        {
            writer.Upsert(ticket);
        }

        writer.Commit();
        Thread.Sleep(5); // imports and runs are ordered by millisecond times
    }
}
