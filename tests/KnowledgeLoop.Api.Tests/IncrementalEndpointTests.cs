using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Samples;

namespace KnowledgeLoop.Api.Tests;

/// <summary>Tickets imported after an analysis are assigned at import: since_run per gap and the emerging gap show up in the API.</summary>
public sealed class IncrementalEndpointTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kl-api-incr-" + Guid.NewGuid().ToString("N"));
    private KnowledgeLoopApiFactory Factory { get; set; } = null!;
    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var data = new SampleDataGenerator(new SampleDataOptions { Seed = 5, Tickets = 1_200 }).Generate(Path.Combine(_folder, "data"));
        var storePath = Path.Combine(_folder, "store.db");
        using (var store = KnowledgeStore.Open(storePath))
        {
            var importer = new StoreImporter(store);
            Assert.True((await importer.ImportTicketsAsync(data.TicketsPath, new ImportOptions())).Committed);
            Assert.True((await importer.ImportArticlesAsync(data.ArticlesDirectory, new ImportOptions())).Committed);
        }

        Factory = new KnowledgeLoopApiFactory(storePath);
        Client = Factory.CreateKeyedClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    [Fact]
    public async Task ImportAfterAnalysis_ShowsSinceRunCountsAndTheEmergingGap()
    {
        // Before any analysis: the import says there is no run to assign to.
        var before = await PostTicketsAsync([Ticket("EARLY-1", DateTimeOffset.Parse("2026-01-05T10:00:00Z", CultureInfo.InvariantCulture), "Password reset", "Can't reset my password", 0)]);
        Assert.Equal("no_run", before.GetProperty("assignment").GetProperty("status").GetString());

        var id = await AnalysisPolling.StartAsync(Client, """{"seed":42}""");
        var status = await AnalysisPolling.WaitForAsync(Client, id, TimeSpan.FromMinutes(3), "succeeded", "failed", "cancelled");
        Assert.Equal("succeeded", status.GetProperty("status").GetString());

        var gaps = await GetAsync("/api/gaps");
        var first = gaps.GetProperty("gaps")[0];
        Assert.Equal(0, first.GetProperty("since_run").GetProperty("tickets").GetInt64());
        Assert.Empty(gaps.GetProperty("emerging_gaps").EnumerateArray());
        var gapId = first.GetProperty("id").GetString()!;
        var representative = await GetAsync("/api/tickets/" + first.GetProperty("representative_ticket_ids")[0].GetString());
        var asOf = gaps.GetProperty("as_of").GetDateTimeOffset();

        var copies = Enumerable.Range(0, 2).Select(i => Ticket(
            $"COPY-{i}", asOf.AddDays(-20), representative.GetProperty("subject").GetString(), representative.GetProperty("description").GetString(), reopens: 1)).ToList();
        var burst = Enumerable.Range(0, 6).Select(i => Ticket(
            $"BURST-{i}", asOf.AddDays(-20).AddHours(i), "Passkey enrolment loop on yubikey",
            $"The passkey prompt loops forever when enrolling a yubikey, webauthn ceremony aborted (attempt {i}).", reopens: 1)).ToList();
        var imported = await PostTicketsAsync([.. copies, .. burst]);

        var assignment = imported.GetProperty("assignment");
        Assert.Equal("assigned", assignment.GetProperty("status").GetString());
        Assert.Equal(8, assignment.GetProperty("tickets").GetInt32());
        Assert.True(assignment.GetProperty("assigned").GetInt32() >= 2);
        var emergingId = Assert.Single(assignment.GetProperty("emerging_gap_ids").EnumerateArray()).GetString()!;
        Assert.StartsWith("emerging-", emergingId, StringComparison.Ordinal);

        var after = await GetAsync("/api/gaps");
        var gap = after.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("id").GetString() == gapId);
        var sinceRun = gap.GetProperty("since_run");
        Assert.Equal(2, sinceRun.GetProperty("tickets").GetInt64());
        Assert.Equal(2, sinceRun.GetProperty("new_tickets").GetInt64());
        Assert.Equal(2, sinceRun.GetProperty("failures").GetInt64());
        Assert.Equal(2, sinceRun.GetProperty("reopened").GetInt64());
        Assert.Equal(first.GetProperty("ticket_count").GetInt64(), gap.GetProperty("ticket_count").GetInt64()); // the report's fields stay as they were
        var fcr = sinceRun.GetProperty("fcr");
        Assert.Equal(first.GetProperty("fcr").GetProperty("denominator").GetInt64() + 2, fcr.GetProperty("denominator").GetInt64());
        Assert.Equal(first.GetProperty("fcr").GetProperty("numerator").GetInt64(), fcr.GetProperty("numerator").GetInt64());

        var emerging = Assert.Single(after.GetProperty("emerging_gaps").EnumerateArray());
        Assert.Equal(emergingId, emerging.GetProperty("id").GetString());
        Assert.True(emerging.GetProperty("emerging").GetBoolean());
        Assert.True(emerging.GetProperty("provisional").GetBoolean());
        Assert.Equal(burst.Select(t => (string)t["id"]!), emerging.GetProperty("ticket_ids").EnumerateArray().Select(e => e.GetString()));
        Assert.NotEmpty(emerging.GetProperty("keywords").EnumerateArray());

        var list = await GetAsync("/api/gaps/emerging");
        Assert.Equal(emergingId, Assert.Single(list.GetProperty("gaps").EnumerateArray()).GetProperty("id").GetString());
        Assert.True(list.GetProperty("unassigned_failures").GetInt64() >= 6);

        var detail = await GetAsync("/api/gaps/" + gapId);
        Assert.Equal(2, detail.GetProperty("gap").GetProperty("since_run").GetProperty("tickets").GetInt64());

        // A later import (the model now from memory) moves the figures on; the cached ones are not served stale.
        var third = await PostTicketsAsync([Ticket("COPY-2", asOf.AddDays(-20), representative.GetProperty("subject").GetString(), representative.GetProperty("description").GetString(), reopens: 0)]);
        Assert.Equal(1, third.GetProperty("assignment").GetProperty("assigned").GetInt32());
        var latest = await GetAsync("/api/gaps/" + gapId);
        Assert.Equal(3, latest.GetProperty("gap").GetProperty("since_run").GetProperty("tickets").GetInt64());
        Assert.Equal(2, latest.GetProperty("gap").GetProperty("since_run").GetProperty("failures").GetInt64());
    }

    private static JsonObject Ticket(string id, DateTimeOffset created, string? subject, string? description, int reopens) => new()
    {
        ["id"] = id,
        ["created_at"] = created.ToString("O", CultureInfo.InvariantCulture),
        ["resolved_at"] = created.AddHours(2).ToString("O", CultureInfo.InvariantCulture),
        ["customer_id"] = "CUS-" + id,
        ["category"] = "incremental-test",
        ["subject"] = subject,
        ["description"] = description,
        ["reopen_count"] = reopens,
    };

    private async Task<JsonElement> PostTicketsAsync(IEnumerable<JsonObject> tickets)
    {
        using var content = new StringContent(new JsonArray([.. tickets]).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("/api/tickets", UriKind.Relative), content);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }
}
